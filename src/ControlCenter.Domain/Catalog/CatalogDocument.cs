namespace ControlCenter.Domain.Catalog;

/// <summary>The shape of a catalogue data file (and of <c>GET /api/v1/catalog</c>).</summary>
public sealed record CatalogDocument(
    string City,
    IReadOnlyList<Zone> Zones,
    IReadOnlyList<ParkingLot> ParkingLots,
    IReadOnlyList<Junction> Junctions,
    IReadOnlyList<Sensor> Sensors)
{
    /// <summary>Where the coordinates and names came from; shown to integrators, ignored by the code.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>Streets closed to traffic for walkers at set hours (Hoàn Kiếm's weekend walking space).</summary>
    public IReadOnlyList<WalkingStreet> WalkingStreets { get; init; } = [];
}
