using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;

namespace ControlCenter.Host.Wall;

/// <summary>
/// Turns the open alerts into incidents for the queue. A storm raises one critical "Ngập úng" per district and,
/// beside it, the heavy rain, every flooded street and every car park closed by the water: listed one by one they
/// fill the queue. Alerts linked by <see cref="Alert.Children"/> (in either direction, through any number of links)
/// are one incident; a flooded street grouped both by "Ngập úng" and by a flooded car park joins the two.
/// </summary>
public static class IncidentFolding
{
    /// <summary>Notified alerts before silenced ones; most severe first; within a severity, the one waiting longest first.</summary>
    public static IEnumerable<Alert> Order(IEnumerable<Alert> alerts) => alerts.Order(QueueOrder.Instance);

    /// <summary>The incidents of these alerts in queue order (by their leads); links to alerts not among them are ignored.</summary>
    public static List<QueueIncident> Fold(IEnumerable<Alert> alerts)
    {
        var open = new Dictionary<string, Alert>(StringComparer.Ordinal);
        foreach (var alert in alerts) open[alert.Id] = alert;
        var root = open.Keys.ToDictionary(id => id, id => id, StringComparer.Ordinal);
        var grouping = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parent in open.Values)
        {
            foreach (var child in parent.Children.Where(open.ContainsKey))
            {
                Join(root, parent.Id, child);
                grouping.Add(parent.Id);
            }
        }

        return [.. open.Values.GroupBy(a => Find(root, a.Id), StringComparer.Ordinal)
            .Select(group => IncidentOf(group, grouping))
            .OrderBy(i => i.Lead, QueueOrder.Instance)];
    }

    /// <summary>
    /// Incidents by zone: the zone of the most urgent incident first (the incidents keep their order within a zone);
    /// city-wide incidents form a group of their own with a null zone.
    /// </summary>
    public static List<IGrouping<string?, QueueIncident>> ByZone(IEnumerable<QueueIncident> incidents) =>
        [.. incidents.GroupBy(i => i.ZoneId)];

    private static QueueIncident IncidentOf(IEnumerable<Alert> alerts, HashSet<string> grouping)
    {
        // The most severe leads; at the same severity the alert that groups others (the "Ngập úng", not its rain).
        var ordered = alerts.OrderByDescending(a => a.Suppressed is null)
            .ThenByDescending(a => Severities.Rank(a.Severity))
            .ThenByDescending(a => grouping.Contains(a.Id))
            .ThenBy(a => a.RaisedAt).ThenBy(a => a.Id, StringComparer.Ordinal).ToList();
        return new QueueIncident(ordered[0], [.. Order(ordered.Skip(1))]);
    }

    private static string Find(Dictionary<string, string> root, string id)
    {
        while (root[id] != id)
        {
            root[id] = root[root[id]];
            id = root[id];
        }

        return id;
    }

    private static void Join(Dictionary<string, string> root, string a, string b)
    {
        var (ra, rb) = (Find(root, a), Find(root, b));
        if (ra == rb) return;
        // The smaller id becomes the root, so the result does not depend on the order the alerts came in.
        if (string.CompareOrdinal(ra, rb) < 0) root[rb] = ra;
        else root[ra] = rb;
    }

    /// <summary>The queue's order of alerts (see <see cref="Order"/>); incidents follow their leads.</summary>
    private sealed class QueueOrder : IComparer<Alert>
    {
        public static readonly QueueOrder Instance = new();

        public int Compare(Alert? x, Alert? y)
        {
            if (ReferenceEquals(x, y)) return 0;
            if (x is null) return -1;
            if (y is null) return 1;
            var c = (y.Suppressed is null).CompareTo(x.Suppressed is null);
            if (c == 0) c = Severities.Rank(y.Severity).CompareTo(Severities.Rank(x.Severity));
            if (c == 0) c = x.RaisedAt.CompareTo(y.RaisedAt);
            return c != 0 ? c : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}
