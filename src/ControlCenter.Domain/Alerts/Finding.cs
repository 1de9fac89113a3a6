namespace ControlCenter.Domain.Alerts;

/// <summary>A reading that supports an alert: which entity, which figure, its value and when it was measured.</summary>
public sealed record EvidenceItem(string EntityId, string Metric, double Value, DateTimeOffset? Ts);

/// <summary>
/// What a rule sees for one scope (a station, a junction, a zone) at one evaluation: the condition holds
/// (with the level it holds at), it is clear, or it cannot be told (stale data never clears an alert).
/// </summary>
public enum Verdict
{
    Clear = 0,
    Firing = 1,
    Unknown = 2,
}

/// <summary>One rule's verdict for one scope; a firing one carries the severity, entities and evidence.</summary>
public sealed record Finding(string RuleId, string Scope, string ZoneId, Verdict Verdict)
{
    public string Severity { get; init; } = Severities.Info;
    /// <summary>The rule's own level (1 and up) while firing: what hysteresis holds on to.</summary>
    public int Level { get; init; }
    public IReadOnlyList<string> EntityIds { get; init; } = [];
    public IReadOnlyList<EvidenceItem> Evidence { get; init; } = [];
    /// <summary>Keys of the single-domain findings a cross-domain finding groups.</summary>
    public IReadOnlyList<string> ChildKeys { get; init; } = [];

    /// <summary>The de-duplication key: one open alert per rule and scope.</summary>
    public string Key => KeyOf(RuleId, Scope);

    public static string KeyOf(string ruleId, string scope) => $"{ruleId}/{scope}";

    public static Finding Clear(string ruleId, string scope, string zoneId) => new(ruleId, scope, zoneId, Verdict.Clear);

    public static Finding Unknown(string ruleId, string scope, string zoneId) => new(ruleId, scope, zoneId, Verdict.Unknown);
}
