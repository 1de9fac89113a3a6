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
    [property: Id(8)] SensorHealthCounts Health);

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
