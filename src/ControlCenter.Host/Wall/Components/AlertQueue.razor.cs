using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// The alert queue. In a storm the open alerts number in the dozens, most of them grouped by a few cross-domain
/// alerts; the queue shows one row per incident (<see cref="IncidentFolding"/>), folded by default, and counts
/// incidents as well as alerts. An incident stays open once unfolded; selecting one of its members unfolds it.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "The wall's alert queue: the word operators use, not a Queue<T>.")]
public sealed partial class AlertQueue
{
    /// <summary>Beyond this many incidents the wall would scroll past what anyone reads in an emergency.</summary>
    private const int MaxIncidents = 60;

    private readonly HashSet<string> _expanded = new(StringComparer.Ordinal);
    private bool _byZone;

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;
    [Parameter] public EventCallback<string> OnSelect { get; set; }
    [Parameter] public string? Selected { get; set; }

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    private string? _unfoldedFor;

    private bool IsExpanded(QueueIncident incident) => _expanded.Contains(incident.Lead.Id);

    private void Toggle(QueueIncident incident)
    {
        if (!_expanded.Remove(incident.Lead.Id)) _expanded.Add(incident.Lead.Id);
    }

    /// <summary>An alert selected elsewhere (a grouped alert's link on the panel) is shown: its incident unfolds.</summary>
    protected override void OnParametersSet()
    {
        if (Selected is null || Selected == _unfoldedFor) return;
        _unfoldedFor = Selected;
        var (_, alerts, _) = Feed.Copy();
        if (IncidentFolding.Fold(alerts).FirstOrDefault(i => i.Members.Any(m => m.Id == Selected)) is { } incident) _expanded.Add(incident.Lead.Id);
    }

    /// <summary>"12 sự cố · 37 cảnh báo" / "12 incidents · 37 alerts".</summary>
    private string Count(int incidents, int alerts) =>
        $"{T[incidents == 1 ? "Queue.Incident" : "Queue.Incidents", incidents]} · {T[alerts == 1 ? "Queue.Alert" : "Queue.Alerts", alerts]}";

    /// <summary>"5 cảnh báo liên quan" on the fold: how many alerts the lead groups.</summary>
    private string Grouped(QueueIncident incident) => T[incident.Members.Count == 1 ? "Queue.Grouped" : "Queue.GroupedMany", incident.Members.Count];

    /// <summary>Every alert's rule and scope ("flood.depth/fl-tran-hung-dao"): tests and tools find a folded alert's incident by it.</summary>
    private static string Keys(QueueIncident incident) => string.Join(' ', incident.Alerts.Select(a => a.Key));

    private string ZoneName(string? zoneId) => zoneId is not null && Catalog.FindZone(zoneId) is { } z ? (English ? z.NameEn : z.Name) : "Hà Nội";
}
