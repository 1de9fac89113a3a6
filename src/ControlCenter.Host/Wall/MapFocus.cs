using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Wall;

/// <summary>
/// Where the map goes when an alert opens: the area of the alert's zone (south, west, north, east) and the markers
/// of its evidence to highlight. Bounds is null when neither the zone nor the evidence has a place on the map.
/// </summary>
public sealed record MapFocus(string? ZoneId, double[][]? Bounds, IReadOnlyList<string> EntityIds)
{
    /// <summary>
    /// The catalogue gives a zone a centre, not an outline: its area is what its lots, junctions and sensors span
    /// (the evidence too, should a rule cite a place beyond it).
    /// </summary>
    public static MapFocus Of(Alert alert, CityCatalog catalog)
    {
        var cited = alert.Evidence.Select(e => e.EntityId).Concat(alert.EntityIds).Distinct(StringComparer.Ordinal).ToList();
        var points = new List<(double Lat, double Lon)>();
        if (alert.ZoneId is { } zoneId && catalog.FindZone(zoneId) is { } zone)
        {
            points.Add((zone.Lat, zone.Lon));
            points.AddRange(catalog.LotsInZone(zoneId).Select(l => (l.Lat, l.Lon)));
            points.AddRange(catalog.JunctionsInZone(zoneId).Select(j => (j.Lat, j.Lon)));
            points.AddRange(catalog.SensorsInZone(zoneId).Where(s => !s.Retired).Select(s => (s.Lat, s.Lon)));
        }

        points.AddRange(cited.Select(id => Position(id, catalog)).OfType<(double, double)>());
        double[][]? bounds = points.Count == 0 ? null :
        [
            [points.Min(p => p.Lat), points.Min(p => p.Lon)],
            [points.Max(p => p.Lat), points.Max(p => p.Lon)],
        ];
        return new MapFocus(alert.ZoneId, bounds, [.. cited.Select(id => MarkerOf(id, catalog)).Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>A detector or a spot sensor has no marker of its own: its junction or lot stands for it.</summary>
    public static string MarkerOf(string id, CityCatalog catalog) =>
        catalog.FindSensor(id) is { ParentId: { } parent } ? parent : id;

    private static (double, double)? Position(string id, CityCatalog catalog) =>
        catalog.FindSensor(id) is { } s ? (s.Lat, s.Lon)
        : catalog.FindLot(id) is { } l ? (l.Lat, l.Lon)
        : catalog.FindJunction(id) is { } j ? (j.Lat, j.Lon)
        : catalog.FindZone(id) is { } z ? (z.Lat, z.Lon)
        : null;
}
