namespace ControlCenter.Contracts.Messages;

/// <summary>A rule (or an operator) says its condition holds for a scope: open an alert, or refresh the open one.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertRaise
{
    [Id(0)] public required string RuleId { get; init; }
    [Id(1)] public required string Scope { get; init; }
    [Id(2)] public string? ZoneId { get; init; }
    [Id(3)] public required string Severity { get; init; }
    [Id(4)] public int Level { get; init; } = 1;
    [Id(5)] public IReadOnlyList<string> EntityIds { get; init; } = [];
    [Id(6)] public IReadOnlyList<AlertEvidence> Evidence { get; init; } = [];
    /// <summary>The keys (rule/scope) of the single-domain alerts a cross-domain alert groups.</summary>
    [Id(7)] public IReadOnlyList<string> ChildKeys { get; init; } = [];
    [Id(8)] public DateTimeOffset At { get; init; }
    [Id(9)] public string By { get; init; } = AlertActors.System;
    /// <summary>Manual alerts carry their own titles and opening note.</summary>
    [Id(10)] public string? Title { get; init; }
    [Id(11)] public string? TitleEn { get; init; }
    [Id(12)] public string? Note { get; init; }

    public string Key => $"{RuleId}/{Scope}";
}

/// <summary>The result of a responder's action: the alert after it, or why it was refused.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertActionResult(
    [property: Id(0)] Alert? Alert, [property: Id(1)] AlertRefusal Refusal = AlertRefusal.None, [property: Id(2)] string? Detail = null);

[GenerateSerializer]
public enum AlertRefusal
{
    None = 0,
    NotFound = 1,
    /// <summary>Someone else got there first (already acknowledged or resolved).</summary>
    Conflict = 2,
    Invalid = 3,
}

public static class AlertActors
{
    public const string System = "system";
}

/// <summary>Filters of <c>GET /api/v1/alerts</c>; null means any.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertQuery(
    [property: Id(0)] string? Status, [property: Id(1)] string? Domain, [property: Id(2)] string? ZoneId,
    [property: Id(3)] string? Severity, [property: Id(4)] int Limit);

/// <summary>
/// A silence: alerts matching every given field of the matcher are recorded but not notified (no feed
/// message, no escalation) until it ends.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Silence(
    [property: Id(0)] string Id, [property: Id(1)] SilenceMatcher Matcher, [property: Id(2)] DateTimeOffset Until,
    [property: Id(3)] string Reason, [property: Id(4)] string CreatedBy, [property: Id(5)] DateTimeOffset CreatedAt);

[GenerateSerializer, Immutable]
public sealed record SilenceMatcher(
    [property: Id(0)] string? RuleId, [property: Id(1)] string? ZoneId, [property: Id(2)] string? EntityId, [property: Id(3)] string? Severity)
{
    public bool IsEmpty => RuleId is null && ZoneId is null && EntityId is null && Severity is null;

    public bool Matches(Alert alert) =>
        (RuleId is null || RuleId == alert.RuleId)
        && (ZoneId is null || ZoneId == alert.ZoneId)
        && (EntityId is null || alert.EntityIds.Contains(EntityId))
        && (Severity is null || Severity == alert.Severity);
}
