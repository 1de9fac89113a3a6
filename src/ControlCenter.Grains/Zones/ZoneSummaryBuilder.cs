using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Zones;

/// <summary>
/// Adds a zone's members up per domain. Stale and offline members count towards sensor health but their
/// figures are left out, so a silent station can never make the zone look better than it is.
/// </summary>
public static class ZoneSummaryBuilder
{
    public static ZoneSummary Build(string zoneId, long version, IReadOnlyCollection<MemberSummary> members)
    {
        var live = members.Where(m => m.Ts is not null && m.Status is not (EntityStatus.Stale or EntityStatus.Offline)).ToList();
        List<MemberSummary> Of(string kind) => live.Where(m => m.Kind == kind).ToList();

        var lots = members.Where(m => m.Kind == EntityKinds.ParkingLot).ToList();
        var parking = new ParkingFigures(
            (int)lots.Sum(l => l.Figures.GetValueOrDefault("capacity")),
            (int)lots.Sum(l => l.Figures.GetValueOrDefault("occupied")),
            (int)lots.Sum(l => l.Figures.GetValueOrDefault("free")),
            lots.Count(l => l.Figures.GetValueOrDefault("full") >= 1),
            (int)lots.Sum(l => l.Figures.GetValueOrDefault("unknown")));

        var air = Of(SensorKinds.Air).Where(m => m.Figures.ContainsKey("aqi")).MaxBy(m => m.Figures["aqi"]);
        var water = Of(SensorKinds.Water).Where(m => m.Figures.ContainsKey("do")).MinBy(m => m.Figures["do"]);
        var rain = Of(SensorKinds.Rain);
        var wettest = rain.MaxBy(m => m.Figures.GetValueOrDefault("rain1hMm"));
        var flood = Of(SensorKinds.Flood);
        var deepest = flood.MaxBy(m => m.Figures.GetValueOrDefault("depthCm"));
        var junctions = members.Where(m => m.Kind == EntityKinds.Junction).ToList();

        return new ZoneSummary(
            zoneId,
            version,
            parking,
            new AirFigures(air is null ? null : (int)air.Figures["aqi"], air?.EntityId, members.Count(m => m.Kind == SensorKinds.Air)),
            new WaterFigures(water?.Figures["do"], water?.EntityId, Of(SensorKinds.Water).Count(m => m.Status == EntityStatus.Alert),
                members.Count(m => m.Kind == SensorKinds.Water)),
            new RainZoneFigures(
                rain.Count == 0 ? null : rain.Max(m => m.Figures.GetValueOrDefault("rain30MinMm")),
                wettest?.Figures.GetValueOrDefault("rain1hMm"),
                rain.Count == 0 ? null : rain.Max(m => m.Figures.GetValueOrDefault("rain3hMm")),
                wettest?.EntityId),
            new FloodZoneFigures(deepest?.Figures.GetValueOrDefault("depthCm"), deepest?.EntityId,
                flood.Count(m => m.Figures.GetValueOrDefault("flooded") >= 1)),
            new TrafficZoneFigures(junctions.Count,
                junctions.Count(j => j.Figures.GetValueOrDefault("congested") >= 1),
                junctions.Count(j => j.Figures.GetValueOrDefault("jammed") >= 1)),
            members.Aggregate(SensorHealthCounts.None, (sum, m) => sum.Add(m.Health)))
        {
            Tourism = Tourism(Of(SensorKinds.VisitorCounter), members.Count(m => m.Kind == SensorKinds.VisitorCounter)),
        };
    }

    /// <summary>Crowded counts points at level 2 (crowded) or worse; overcrowded those at level 3.</summary>
    private static TourismZoneFigures Tourism(List<MemberSummary> counters, int points)
    {
        var measured = counters.Where(m => m.Figures.ContainsKey("crowdingRatio")).ToList();
        var busiest = measured.MaxBy(m => m.Figures["crowdingRatio"]);
        return new TourismZoneFigures(
            (int)measured.Sum(m => m.Figures["present"]),
            (int)measured.Sum(m => m.Figures.GetValueOrDefault("capacity")),
            points,
            measured.Count(m => m.Figures.GetValueOrDefault("crowdingLevel") >= 2),
            measured.Count(m => m.Figures.GetValueOrDefault("crowdingLevel") >= 3),
            busiest?.EntityId,
            busiest?.Figures["crowdingRatio"],
            (int)counters.Sum(m => m.Figures.GetValueOrDefault("visitorsPerHour")));
    }

    /// <summary>The zone's worst live member status, or stale when none of its members is live.</summary>
    public static EntityStatus StatusOf(IReadOnlyCollection<MemberSummary> members)
    {
        var live = members.Where(m => m.Status is not (EntityStatus.Stale or EntityStatus.Offline)).ToList();
        return live.Count > 0 ? live.Max(m => m.Status) : members.Count > 0 ? EntityStatus.Stale : EntityStatus.Ok;
    }
}
