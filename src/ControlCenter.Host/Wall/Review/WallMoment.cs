using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Alerts;
using ControlCenter.Grains.City;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Parking;
using ControlCenter.Grains.Traffic;
using ControlCenter.Grains.Zones;
using ControlCenter.Host.Audit;
using ControlCenter.Domain;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Parking;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Wall.Review;

/// <summary>
/// Builds the wall's picture of a past moment from the record: the sensors from the readings log
/// (<see cref="SensorsAsOf"/>), lots, junctions, zones and tiles from them with the same pure functions their grains
/// use, judged by the threshold packs in force at the moment (their stored versions), the alerts unresolved at the
/// moment from their stored timelines (<see cref="AlertAsOf"/>), the lots an operator had closed from the audit log, and
/// each lot's app figures (holds, sessions, revenue) from the lot desk history (<see cref="LotDeskHistory"/>). What the
/// record does not hold is left out rather than guessed: a lot's app figures before its first recorded row (the
/// history began, or the lot's figures never changed since), and its free spaces stay the sensors' count (the
/// spaces of drivers arriving are not recorded). One per circuit: it keeps the alert list and the audit entries a few
/// seconds, so playing forward reads them once in a while.
/// </summary>
public sealed class WallMoment(
    CityCatalog catalog, SensorsAsOf sensors, IGrainFactory grains, AuditLog audit, LotDeskHistory desks, TimeProvider time,
    IOptions<HistoryOptions> history)
{
    private static readonly TimeSpan RecordKept = TimeSpan.FromSeconds(10);

    /// <summary>How far back the audit log is read for lot closures: a closure older than this many entries is not seen.</summary>
    private const int AuditEntries = 5000;

    /// <summary>The parking app's figures: from the lot desk history, unknown for a lot it holds nothing of yet.</summary>
    private static readonly string[] DeskFigures = ["held", "sessionsOpen", "sessionsToday", "revenueTodayVnd", "paidTodayVnd"];

    private (DateTimeOffset Read, Alert[] Alerts, IReadOnlyList<AuditEntry> Audit)? _record;

    /// <summary>The packs of the version last asked for: playing forward stays within one version for long stretches.</summary>
    private (long Version, ThresholdSource Source)? _thresholds;

    /// <summary>The first moment the record still holds whole (the retention period back from now).</summary>
    public DateTimeOffset Earliest => time.GetUtcNow() - history.Value.Retention;

    /// <summary>The moment, moved into the retention window (the past only: now at the latest).</summary>
    public DateTimeOffset Clamp(DateTimeOffset at)
    {
        var now = time.GetUtcNow();
        return at > now ? now : at < Earliest ? Earliest : at;
    }

    public async Task<WallSnapshot> At(DateTimeOffset at, CancellationToken cancellationToken)
    {
        at = Clamp(at);
        var (allAlerts, entries) = await Record(cancellationToken);
        var alerts = allAlerts.Select(a => AlertAsOf.At(a, at)).OfType<Alert>().ToList();
        var closed = ClosedLots(entries, at);
        var thresholds = await ThresholdsAt(at);
        var (states, summaries) = await sensors.At(at, thresholds, cancellationToken);
        var packs = thresholds.Packs;
        var deskRows = await desks.AsOf(at, cancellationToken);
        var lots = catalog.ParkingLots.Select(lot =>
        {
            var flooded = alerts.Any(a => a.RuleId == AlertRules.FloodParking && a.Scope == lot.Id);
            var view = LotView.Compute(lot, Members(lot.Id, summaries), packs.Parking, flooded ? "flood" : null, closed.GetValueOrDefault(lot.Id));
            var derived = new Dictionary<string, object?>(view.Derived, StringComparer.Ordinal);
            foreach (var (key, value) in DeskFiguresAt(deskRows.GetValueOrDefault(lot.Id), at)) derived[key] = value;
            return Aggregate(lot.Id, EntityKinds.ParkingLot, lot.ZoneId, view with { Derived = derived });
        });
        var junctions = catalog.Junctions.Select(j =>
            Aggregate(j.Id, EntityKinds.Junction, j.ZoneId, JunctionView.Compute(catalog, Members(j.Id, summaries), packs.Traffic)));
        foreach (var (state, summary) in lots.Concat(junctions).ToList())
        {
            states.Add(state);
            summaries[state.EntityId] = summary;
        }

        var zones = catalog.Zones.Select(z => ZoneSummaryBuilder.Build(z.Id, 0,
            [.. catalog.LotsInZone(z.Id).Select(l => l.Id).Concat(catalog.JunctionsInZone(z.Id).Select(j => j.Id))
                .Concat(catalog.SensorsInZone(z.Id).Where(s => s.ParentId is null && !s.Retired).Select(s => s.Id))
                .Select(id => summaries[id])])).ToList();
        var kpi = new KpiSnapshot(at, 0, KpiBuilder.Build(zones, packs, thresholds.Aqi));
        return new WallSnapshot(at, states, alerts, kpi);
    }

    private async Task<ThresholdSource> ThresholdsAt(DateTimeOffset at)
    {
        var document = await grains.GetGrain<IThresholdsGrain>(0).At(at);
        if (_thresholds is { } kept && kept.Version == document.Version) return kept.Source;
        var source = new ThresholdSource(ThresholdJson.Parse(document.Json));
        _thresholds = (document.Version, source);
        return source;
    }

    /// <summary>
    /// A lot's app figures at the moment from its newest row at or before it. The day's figures count the city day
    /// (as the desk does): a row of an earlier day means none yet on the moment's day.
    /// </summary>
    private static IEnumerable<(string Key, object? Value)> DeskFiguresAt(LotDeskRow? row, DateTimeOffset at)
    {
        if (row is null) return DeskFigures.Select(key => (key, (object?)null));
        var f = row.Figures;
        var sameDay = CityTime.Date(row.At) == CityTime.Date(at);
        return
        [
            ("held", f.Held), ("sessionsOpen", f.SessionsOpen), ("sessionsToday", sameDay ? f.SessionsToday : 0),
            ("revenueTodayVnd", sameDay ? f.RevenueTodayVnd : 0L), ("paidTodayVnd", sameDay ? f.PaidTodayVnd : 0L),
        ];
    }

    private List<MemberSummary> Members(string parentId, Dictionary<string, MemberSummary> summaries) =>
        [.. catalog.SensorsOf(parentId).Where(s => !s.Retired).Select(s => summaries[s.Id])];

    private static (EntityState, MemberSummary) Aggregate(string id, string kind, string zoneId, AggregateView view) =>
        (new EntityState(id, kind, zoneId, 0, view.Ts, view.Status.ToWire(), new Dictionary<string, double>(), view.Derived),
         new MemberSummary(id, kind, 0, view.Status, view.Ts, view.Figures, view.Health));

    /// <summary>
    /// Every alert the book lists (open and resolved, the newest <see cref="AlertBookGrain.Retained"/>) and the newest
    /// audit entries, kept a few seconds.
    /// </summary>
    private async Task<(Alert[] Alerts, IReadOnlyList<AuditEntry> Audit)> Record(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_record is { } kept && now - kept.Read < RecordKept) return (kept.Alerts, kept.Audit);
        var alerts = await grains.GetGrain<IAlertBookGrain>(0).Query(new AlertQuery(null, null, null, null, AlertBookGrain.Retained));
        var entries = await audit.Read(AuditEntries, cancellationToken);
        _record = (now, alerts, entries);
        return (alerts, entries);
    }

    /// <summary>The lots an operator had closed at the moment, with the reason: each lot's last close or reopen up to it.</summary>
    private static Dictionary<string, string> ClosedLots(IReadOnlyList<AuditEntry> entries, DateTimeOffset at) =>
        entries.Where(e => e.At <= at && e.Target is not null && e.Action is "lot-closed" or "lot-reopened")
            .GroupBy(e => e.Target!, StringComparer.Ordinal)
            .Select(g => g.MaxBy(e => e.Id)!)
            .Where(e => e.Action == "lot-closed")
            .ToDictionary(e => e.Target!, e => e.Detail ?? "", StringComparer.Ordinal);
}
