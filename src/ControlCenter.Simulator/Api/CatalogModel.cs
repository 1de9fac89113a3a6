namespace ControlCenter.Simulator.Api;

/// <summary>The parts of <c>GET /api/v1/catalog</c> the simulator needs.</summary>
public sealed record Catalog(List<CatalogLot> ParkingLots, List<CatalogSensor> Sensors);

public sealed record CatalogLot(string Id, int Capacity, string ZoneId);

public sealed record CatalogSensor(
    string Id, string Kind, string ZoneId, string? ParentId, int ReportingIntervalSeconds, List<string> Metrics,
    double? FreeFlowSpeedKmh, bool Retired);

/// <summary>One reading as the ingest contract has it.</summary>
public sealed record Reading(string SensorId, DateTimeOffset Ts, Dictionary<string, double> Values);
