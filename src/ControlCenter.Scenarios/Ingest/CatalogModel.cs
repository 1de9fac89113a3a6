using ControlCenter.Domain.Catalog;

namespace ControlCenter.Scenarios.Ingest;

/// <summary>The parts of <c>GET /api/v1/catalog</c> the simulator needs.</summary>
public sealed record Catalog(List<CatalogLot> ParkingLots, List<CatalogSensor> Sensors)
{
    public List<WalkingStreet> WalkingStreets { get; init; } = [];
}

public sealed record CatalogLot(string Id, int Capacity, string ZoneId);

public sealed record CatalogSensor(
    string Id, string Kind, string ZoneId, string? ParentId, int ReportingIntervalSeconds, List<string> Metrics,
    double? FreeFlowSpeedKmh, bool Retired)
{
    public double Lat { get; init; }
    public double Lon { get; init; }

    /// <summary>People a visitor counter's point holds (visitor counters only).</summary>
    public int? Capacity { get; init; }
}

/// <summary>One reading as the ingest contract has it.</summary>
public sealed record Reading(string SensorId, DateTimeOffset Ts, Dictionary<string, double> Values);
