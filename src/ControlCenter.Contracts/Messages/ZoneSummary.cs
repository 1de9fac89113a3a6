namespace ControlCenter.Contracts.Messages;

/// <summary>
/// A zone's current picture of every domain in it: what the city tiles add up and what cross-domain rules read.
/// Each figure is null when the zone has no entity of that domain reporting.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ZoneSummary(
    [property: Id(0)] string ZoneId,
    [property: Id(1)] long Version,
    [property: Id(2)] ParkingFigures Parking,
    [property: Id(3)] AirFigures Air,
    [property: Id(4)] WaterFigures Water,
    [property: Id(5)] RainZoneFigures Rain,
    [property: Id(6)] FloodZoneFigures Flood,
    [property: Id(7)] TrafficZoneFigures Traffic,
    [property: Id(8)] SensorHealthCounts Health)
{
    /// <summary>The zone's tourist points (added after the first release, so not positional).</summary>
    [Id(9)] public TourismZoneFigures Tourism { get; init; } = TourismZoneFigures.None;
}

/// <summary>People at the zone's tourist points now, how many points are crowded, and the fullest point.</summary>
[GenerateSerializer, Immutable]
public sealed record TourismZoneFigures(
    [property: Id(0)] int Present, [property: Id(1)] int Capacity, [property: Id(2)] int Points, [property: Id(3)] int CrowdedPoints,
    [property: Id(4)] int OvercrowdedPoints, [property: Id(5)] string? BusiestPointId, [property: Id(6)] double? BusiestRatio,
    [property: Id(7)] int VisitorsPerHour)
{
    public static readonly TourismZoneFigures None = new(0, 0, 0, 0, 0, null, null, 0);
}

[GenerateSerializer, Immutable]
public sealed record ParkingFigures(
    [property: Id(0)] int Capacity, [property: Id(1)] int Occupied, [property: Id(2)] int Free, [property: Id(3)] int LotsFull,
    [property: Id(4)] int Unknown);

[GenerateSerializer, Immutable]
public sealed record AirFigures([property: Id(0)] int? WorstAqi, [property: Id(1)] string? WorstStationId, [property: Id(2)] int Stations);

[GenerateSerializer, Immutable]
public sealed record WaterFigures([property: Id(0)] double? LowestDoMgL, [property: Id(1)] string? LowestDoStationId, [property: Id(2)] int StationsInAlert, [property: Id(3)] int Stations);

[GenerateSerializer, Immutable]
public sealed record RainZoneFigures([property: Id(0)] double? Max30MinMm, [property: Id(1)] double? Max1hMm, [property: Id(2)] double? Max3hMm, [property: Id(3)] string? WettestGaugeId);

[GenerateSerializer, Immutable]
public sealed record FloodZoneFigures([property: Id(0)] double? MaxDepthCm, [property: Id(1)] string? DeepestSensorId, [property: Id(2)] int FloodedPoints);

[GenerateSerializer, Immutable]
public sealed record TrafficZoneFigures([property: Id(0)] int Junctions, [property: Id(1)] int Congested, [property: Id(2)] int Jammed);
