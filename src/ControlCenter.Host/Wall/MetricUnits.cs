using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Wall;

/// <summary>
/// Units of the metrics alerts cite: the contract's own (<see cref="Metrics"/>) for raw readings, and those of the
/// figures the centre derives (rain over a window, a rise or a drop, a flag) that the contract does not list.
/// </summary>
public static class MetricUnits
{
    private static readonly Dictionary<string, (FigureKind Kind, string Unit)> Derived = new(StringComparer.Ordinal)
    {
        ["rain30MinMm"] = (FigureKind.Number, "mm"), ["rain1hMm"] = (FigureKind.Number, "mm"), ["rain3hMm"] = (FigureKind.Number, "mm"),
        ["aqi"] = (FigureKind.Number, ""), ["aqiChange1h"] = (FigureKind.Number, ""),
        ["doDrop3h"] = (FigureKind.Number, "mg/L"),
        ["occupancy"] = (FigureKind.Share, ""), ["crowdingRatio"] = (FigureKind.Share, ""),
        ["jammed"] = (FigureKind.Flag, ""), ["congested"] = (FigureKind.Flag, ""), ["unavailable"] = (FigureKind.Flag, ""),
        ["silent"] = (FigureKind.Flag, ""), ["walkingStreetOpen"] = (FigureKind.Flag, ""),
        ["silentSeconds"] = (FigureKind.Seconds, ""),
        ["onTimePct"] = (FigureKind.Number, "%"), ["targetPct"] = (FigureKind.Number, "%"),
    };

    // Raw metric names are unique across kinds (temperature, the one shared, has one unit).
    private static readonly Dictionary<string, string> Raw = SensorKinds.All
        .SelectMany(kind => Metrics.For(kind).Values)
        .GroupBy(m => m.Name, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.First().Unit, StringComparer.Ordinal);

    /// <summary>How to write the metric and in which unit ("mm", "µg/m³", "people"); a bare number when unknown.</summary>
    public static (FigureKind Kind, string Unit) Of(string metric) =>
        Derived.TryGetValue(metric, out var derived) ? derived
        : Raw.TryGetValue(metric, out var unit) ? (FigureKind.Number, unit)
        : (FigureKind.Number, "");
}
