using ControlCenter.Domain.Catalog;

namespace ControlCenter.Scenarios;

/// <summary>
/// An alert the scenario must raise: its rule, zone and (optionally) severity, within so many scenario minutes.
/// <c>WhileOpen</c> names a walking street whose hours the rule reads on the centre's own clock, which a scenario
/// cannot set: the alert is expected only if the centre says that street is open when the check starts.
/// </summary>
public sealed record ExpectedAlert(string RuleId, string ZoneId, double WithinMinutes, string? Severity = null, string? WhileOpen = null)
{
    /// <summary>Whether to wait for it at this moment of the centre's clock (an unknown street: yes, so the check fails loudly).</summary>
    public bool IsExpectedAt(IEnumerable<WalkingStreet> streets, DateTimeOffset centreNow) =>
        WhileOpen is null || streets.FirstOrDefault(w => w.Id == WhileOpen) is not { } street || WalkingHours.IsOpen(street, centreNow);
}
