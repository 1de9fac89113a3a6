namespace ControlCenter.Domain.Alerts;

/// <summary>One step of a rule's standard operating procedure, in Vietnamese and English.</summary>
public sealed record SopText(string Vi, string En);

/// <summary>
/// What a rule is: its titles, the domains it reads, whether it correlates several domains, and the
/// procedure responders follow for its alerts.
/// </summary>
public sealed record RuleDefinition(
    string Id, string Title, string TitleEn, IReadOnlyList<string> Domains, bool CrossDomain, IReadOnlyList<SopText> Sop);
