using System.Text.Json.Serialization;

namespace ControlCenter.Contracts.Messages;

/// <summary>
/// An alert as the contract shows it (REST and the feed's <c>alert</c> message). <see cref="Version"/> grows by
/// one with every change, so a subscriber can tell the newest copy.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Alert
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string RuleId { get; init; }
    [Id(2)] public required string Title { get; init; }
    [Id(3)] public required string TitleEn { get; init; }
    [Id(4)] public required string Severity { get; init; }
    [Id(5)] public string Status { get; init; } = AlertStatus.Open;
    [Id(6)] public IReadOnlyList<string> Domains { get; init; } = [];
    [Id(7)] public string? ZoneId { get; init; }
    [Id(8)] public IReadOnlyList<string> EntityIds { get; init; } = [];
    [Id(9)] public DateTimeOffset RaisedAt { get; init; }
    [Id(10)] public DateTimeOffset LastSeenAt { get; init; }
    [Id(11)] public int Count { get; init; } = 1;
    [Id(12)] public DateTimeOffset? AcknowledgedAt { get; init; }
    [Id(13)] public string? AcknowledgedBy { get; init; }
    [Id(14)] public DateTimeOffset? ResolvedAt { get; init; }
    [Id(15)] public string? ResolvedBy { get; init; }
    /// <summary><c>auto</c> or <c>manual</c> once resolved.</summary>
    [Id(16)] public string? Resolution { get; init; }
    [Id(17)] public int EscalationLevel { get; init; }
    [Id(18)] public IReadOnlyList<AlertEvidence> Evidence { get; init; } = [];
    [Id(19)] public IReadOnlyList<SopStep> Sop { get; init; } = [];
    [Id(20)] public IReadOnlyList<string> Children { get; init; } = [];
    [Id(21)] public IReadOnlyList<TimelineEntry> Timeline { get; init; } = [];
    [Id(22)] public long Version { get; init; }
    /// <summary>Set while a silence or an open zone outage holds back this alert's notifications.</summary>
    [Id(23)] public AlertSuppression? Suppressed { get; init; }
    /// <summary>The rule's scope (a station, a junction, a zone): one open alert per rule and scope.</summary>
    [Id(24)] public required string Scope { get; init; }
    /// <summary>When the condition was last seen to clear; the alert resolves itself if it stays clear.</summary>
    [Id(25)] public DateTimeOffset? ConditionClearedAt { get; init; }
    /// <summary>The rule's own level (hysteresis carries it across restarts).</summary>
    [Id(26), JsonIgnore] public int Level { get; init; } = 1;
    /// <summary>Where escalation counts from (moved on when a suppression lifts, so silenced time does not count).</summary>
    [Id(27), JsonIgnore] public DateTimeOffset EscalationBase { get; init; }
    /// <summary>Set once an operator publishes this alert to citizens (kept, marked withdrawn, when withdrawn).</summary>
    [Id(28)] public PublicWarning? PublicWarning { get; init; }
    /// <summary>Warnings withdrawn before the current one was published (the newest few): the CAP feed still owes their Cancel.</summary>
    [Id(29)] public IReadOnlyList<PublicWarning> EarlierWarnings { get; init; } = [];

    [JsonIgnore] public string Key => $"{RuleId}/{Scope}";

    [JsonIgnore] public bool IsActive => Status != AlertStatus.Resolved;

    /// <summary>Shown to the public now: published, not withdrawn, and the alert not yet resolved.</summary>
    [JsonIgnore] public bool WarnsPublic => IsActive && PublicWarning is { Withdrawn: false };
}

public static class AlertStatus
{
    public const string Open = "open";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";
}

[GenerateSerializer, Immutable]
public sealed record AlertEvidence(
    [property: Id(0)] string EntityId, [property: Id(1)] string Metric, [property: Id(2)] double Value,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? Ts);

/// <summary>One step of the rule's procedure; ticked by name and time.</summary>
[GenerateSerializer, Immutable]
public sealed record SopStep(
    [property: Id(0)] int Step, [property: Id(1)] string Text, [property: Id(2)] string TextEn, [property: Id(3)] bool Done,
    [property: Id(4)] string? By, [property: Id(5)] DateTimeOffset? At);

[GenerateSerializer, Immutable]
public sealed record TimelineEntry(
    [property: Id(0)] DateTimeOffset At, [property: Id(1)] string By, [property: Id(2)] string Action, [property: Id(3)] string? Note);

/// <summary>Why an alert is not being notified: <c>silence</c> (with the silence's id) or <c>inhibition</c> (the outage alert's id).</summary>
[GenerateSerializer, Immutable]
public sealed record AlertSuppression([property: Id(0)] string By, [property: Id(1)] string Id);
