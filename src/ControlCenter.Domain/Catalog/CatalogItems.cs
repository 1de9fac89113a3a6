namespace ControlCenter.Domain.Catalog;

/// <summary>A district or area of the city: the scope in which cross-domain rules see every domain.</summary>
public sealed record Zone(string Id, string Name, string NameEn, double Lat, double Lon);

/// <summary>A parking point; its occupancy comes from one spot sensor per space or from a gate counter.</summary>
public sealed record ParkingLot(
    string Id, string Name, string NameEn, double Lat, double Lon, string ZoneId, int Capacity, string Street);

/// <summary>A traffic junction; each approach has one traffic detector.</summary>
public sealed record Junction(string Id, string Name, string NameEn, double Lat, double Lon, string ZoneId);

/// <summary>
/// A sensor of one of the contract's kinds. Kind-specific fields are optional: traffic detectors name their
/// approach and free-flow speed; flood sensors carry FIWARE-style alert and danger levels; visitor counters the
/// number of people their tourist point holds in comfort and safety.
/// </summary>
public sealed record Sensor(
    string Id, string Name, string NameEn, double Lat, double Lon, string ZoneId, string Kind,
    string? ParentId, int ReportingIntervalSeconds, IReadOnlyList<string> Metrics)
{
    public string? Approach { get; init; }
    public double? FreeFlowSpeedKmh { get; init; }
    public double? AlertLevelCm { get; init; }
    public double? DangerLevelCm { get; init; }
    public int? Capacity { get; init; }
    public bool Retired { get; init; }
}
