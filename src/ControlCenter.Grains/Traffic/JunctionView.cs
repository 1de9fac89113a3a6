using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;

namespace ControlCenter.Grains.Traffic;

/// <summary>A junction's per-approach and overall level of service from its detectors.</summary>
public static class JunctionView
{
    public static AggregateView Compute(CityCatalog catalog, IReadOnlyCollection<MemberSummary> members, TrafficPack pack)
    {
        var health = members.Aggregate(SensorHealthCounts.None, (sum, m) => sum.Add(m.Health));
        var approaches = new Dictionary<string, object?>(StringComparer.Ordinal);
        var live = new List<(double SpeedKmh, double FreeFlowKmh, double Volume)>();
        foreach (var m in members)
        {
            var approach = catalog.FindSensor(m.EntityId)?.Approach ?? m.EntityId;
            if (!m.Figures.TryGetValue("speedKmh", out var speed) || !m.Figures.TryGetValue("freeFlowSpeedKmh", out var freeFlow))
            {
                approaches[approach] = new Dictionary<string, object?> { ["sensorId"] = m.EntityId, ["levelOfService"] = null };
                continue;
            }

            var los = LevelOfService.Of(speed, freeFlow, pack);
            approaches[approach] = new Dictionary<string, object?>
            {
                ["sensorId"] = m.EntityId, ["levelOfService"] = los, ["speedKmh"] = speed,
                ["volume"] = m.Figures.GetValueOrDefault("volume"), ["queueM"] = m.Figures.GetValueOrDefault("queueM"),
                ["status"] = m.Status.ToWire(),
            };
            if (m.Status is not (EntityStatus.Stale or EntityStatus.Offline))
                live.Add((speed, freeFlow, m.Figures.GetValueOrDefault("volume")));
        }

        var overall = live.Count > 0 ? LevelOfService.Overall(live, pack) : null;
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["levelOfService"] = overall,
            ["approaches"] = approaches,
            ["sensorsStale"] = health.Stale,
            ["sensorsOffline"] = health.Offline,
        };
        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["jammed"] = overall == LevelOfService.Jammed ? 1 : 0,
            ["congested"] = overall == LevelOfService.Congested ? 1 : 0,
        };
        var status = overall is not null ? LevelOfService.StatusOf(overall)
            : health.Sensors > 0 && health.Offline == health.Sensors ? EntityStatus.Offline
            : EntityStatus.Stale;
        return new AggregateView(status, derived, figures, health, members.Max(m => m.Ts));
    }
}
