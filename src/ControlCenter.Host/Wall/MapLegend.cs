using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Host.Wall;

/// <summary>
/// One colour of a domain's scale: its swatch and what it means, as a WallText key or, where the standard itself
/// names it in both languages (VN_AQI's categories), as those names.
/// </summary>
public sealed record LegendSwatch(string Colour, string? Key, string? Vi = null, string? En = null);

/// <summary>One row of the map's legend: a domain's symbol, what its figure is, and its standard's colours.</summary>
public sealed record LegendRow(string Layer, string FigureKey, IReadOnlyList<LegendSwatch> Swatches);

/// <summary>
/// The legend, built from the same colour functions the markers use (MapMarkers), so the two cannot disagree.
/// The scales are the standards in thresholds.md: VN_AQI, QCVN 08 for lake oxygen, rain intensity, flood depth,
/// level of service, lot occupancy and the tourism crowding levels.
/// </summary>
public static class MapLegend
{
    public static readonly IReadOnlyList<LegendRow> Rows =
    [
        new("parking", "Legend.parking", [new(MapMarkers.Occupancy(0), "Legend.parking.free"), new(MapMarkers.Occupancy(0.8), "Legend.parking.filling"),
            new(MapMarkers.Occupancy(0.95), "Legend.parking.full"), new(MapMarkers.LotClosed, "Legend.parking.closed")]),
        new("traffic", "Legend.traffic", [new(MapMarkers.Los("free-flowing"), "Legend.traffic.a"), new(MapMarkers.Los("dense"), "Legend.traffic.b"),
            new(MapMarkers.Los("congested"), "Legend.traffic.c"), new(MapMarkers.Los("jammed"), "Legend.traffic.d")]),
        // The air sensors' aqiColour comes from the same VN_AQI pack (Decision 1459/QĐ-TCMT).
        new("air", "Legend.air", [.. new VnAqiPack().Categories.Select(c => new LegendSwatch(c.Colour, null, $"{c.Name} {c.MinAqi}–{c.MaxAqi}", $"{c.NameEn} {c.MinAqi}–{c.MaxAqi}"))]),
        new("water", "Legend.water", [new(Oxygen(6), "Legend.water.a"), new(Oxygen(5), "Legend.water.b"), new(Oxygen(4), "Legend.water.b1"),
            new(Oxygen(2), "Legend.water.low"), new(Oxygen(1), "Legend.water.fishKill")]),
        new("rain", "Legend.rain", [new(MapMarkers.Rain("light"), "Legend.rain.light"), new(MapMarkers.Rain("moderate"), "Legend.rain.moderate"),
            new(MapMarkers.Rain("heavy"), "Legend.rain.heavy"), new(MapMarkers.Rain("violent"), "Legend.rain.violent")]),
        new("flood", "Legend.flood", [new(MapMarkers.Flood("none"), "Legend.flood.none"), new(MapMarkers.Flood("warning"), "Legend.flood.warning"),
            new(MapMarkers.Flood("major"), "Legend.flood.major"), new(MapMarkers.Flood("critical"), "Legend.flood.critical")]),
        new("tourism", "Legend.tourism", [new(MapMarkers.CrowdingColour(Crowding.Comfortable), "Crowding.comfortable"), new(MapMarkers.CrowdingColour(Crowding.Busy), "Crowding.busy"),
            new(MapMarkers.CrowdingColour(Crowding.Crowded), "Crowding.crowded"), new(MapMarkers.CrowdingColour(Crowding.Overcrowded), "Crowding.overcrowded")]),
    ];

    private static string Oxygen(double mgPerLitre) => MapMarkers.DissolvedOxygen(new("legend", "water", "", 0, null, "ok", new Dictionary<string, double> { ["do"] = mgPerLitre }, new Dictionary<string, object?>()));
}
