using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;

namespace ControlCenter.Host.Wall.Handover;

/// <summary>
/// A shift handover built from the alerts' stored timelines: alerts raised, acknowledged and resolved in the window,
/// those still open at its end, their notes, and who did what. A pure function of the alerts and the window.
/// </summary>
public sealed record ShiftReport(ShiftWindow Window, IReadOnlyList<ShiftAlert> Alerts, IReadOnlyList<ShiftPerson> People)
{
    /// <summary>Timeline actions that say nothing a handover needs (the count and the resolution tell them).</summary>
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal) { "repeated", "condition-cleared" };

    public int Raised => Alerts.Count(a => a.RaisedInWindow);

    public int Acknowledged => Alerts.Count(a => a.AcknowledgedInWindow);

    public int Resolved => Alerts.Count(a => a.ResolvedInWindow);

    public int StillOpen => Alerts.Count(a => a.OpenAtEnd);

    /// <summary>Open at the end first (most severe, then oldest), then the rest, most recently raised first.</summary>
    public IEnumerable<ShiftAlert> Open => Alerts.Where(a => a.OpenAtEnd)
        .OrderByDescending(a => Severities.Rank(a.Alert.Severity)).ThenBy(a => a.Alert.RaisedAt).ThenBy(a => a.Alert.Id, StringComparer.Ordinal);

    public IEnumerable<ShiftAlert> Closed => Alerts.Where(a => !a.OpenAtEnd).OrderByDescending(a => a.Alert.ResolvedAt).ThenBy(a => a.Alert.Id, StringComparer.Ordinal);

    public static ShiftReport Build(IEnumerable<Alert> alerts, ShiftWindow window)
    {
        bool In(DateTimeOffset? at) => at is { } t && t >= window.From && t <= window.To;
        var items = new List<ShiftAlert>();
        foreach (var alert in alerts.Where(a => a.RaisedAt <= window.To))
        {
            var status = In(alert.ResolvedAt) || alert.ResolvedAt < window.From ? AlertStatus.Resolved
                : alert.AcknowledgedAt <= window.To ? AlertStatus.Acknowledged : AlertStatus.Open;
            var entries = alert.Timeline.Where(e => In(e.At) && !Noise.Contains(e.Action)).OrderBy(e => e.At).ToList();
            var touched = In(alert.RaisedAt) || entries.Count > 0;
            if (!touched && status == AlertStatus.Resolved) continue;
            items.Add(new ShiftAlert(alert, status, In(alert.RaisedAt), In(alert.AcknowledgedAt), In(alert.ResolvedAt), entries));
        }

        var people = items.SelectMany(i => i.Entries).Where(e => e.By != AlertActors.System)
            .GroupBy(e => e.By, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ShiftPerson(g.First().By, g.Count(e => e.Action == "acknowledged"), g.Count(e => e.Action == "note"),
                g.Count(e => e.Action == "sop-done"), g.Count(e => e.Action == "resolved")))
            .OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        return new ShiftReport(window, items, people);
    }
}
