using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Zones;

/// <summary>A zone summary as the <c>derived</c> map of its entity state.</summary>
public static class ZoneDerived
{
    public static Dictionary<string, object?> From(ZoneSummary s) => new(StringComparer.Ordinal)
    {
        ["parking"] = new Dictionary<string, object?>
        {
            ["capacity"] = s.Parking.Capacity, ["occupied"] = s.Parking.Occupied, ["free"] = s.Parking.Free, ["lotsFull"] = s.Parking.LotsFull, ["unknown"] = s.Parking.Unknown,
        },
        ["air"] = new Dictionary<string, object?> { ["worstAqi"] = s.Air.WorstAqi, ["worstStationId"] = s.Air.WorstStationId, ["stations"] = s.Air.Stations },
        ["water"] = new Dictionary<string, object?>
        {
            ["lowestDoMgL"] = s.Water.LowestDoMgL, ["lowestDoStationId"] = s.Water.LowestDoStationId,
            ["stationsInAlert"] = s.Water.StationsInAlert, ["stations"] = s.Water.Stations,
        },
        ["rain"] = new Dictionary<string, object?>
        {
            ["max30MinMm"] = s.Rain.Max30MinMm, ["max1hMm"] = s.Rain.Max1hMm, ["max3hMm"] = s.Rain.Max3hMm, ["wettestGaugeId"] = s.Rain.WettestGaugeId,
        },
        ["flood"] = new Dictionary<string, object?>
        {
            ["maxDepthCm"] = s.Flood.MaxDepthCm, ["deepestSensorId"] = s.Flood.DeepestSensorId, ["floodedPoints"] = s.Flood.FloodedPoints,
        },
        ["traffic"] = new Dictionary<string, object?>
        {
            ["junctions"] = s.Traffic.Junctions, ["congested"] = s.Traffic.Congested, ["jammed"] = s.Traffic.Jammed,
        },
        ["tourism"] = new Dictionary<string, object?>
        {
            ["present"] = s.Tourism.Present, ["capacity"] = s.Tourism.Capacity, ["points"] = s.Tourism.Points,
            ["crowdedPoints"] = s.Tourism.CrowdedPoints, ["overcrowdedPoints"] = s.Tourism.OvercrowdedPoints,
            ["busiestPointId"] = s.Tourism.BusiestPointId, ["visitorsPerHour"] = s.Tourism.VisitorsPerHour,
        },
        ["sensors"] = new Dictionary<string, object?> { ["total"] = s.Health.Sensors, ["stale"] = s.Health.Stale, ["offline"] = s.Health.Offline },
    };
}
