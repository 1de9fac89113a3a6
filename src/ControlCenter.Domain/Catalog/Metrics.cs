namespace ControlCenter.Domain.Catalog;

/// <summary>The metrics each sensor kind may report, with units as the contract fixes them.</summary>
public static class Metrics
{
    private static readonly Metric Temperature = new("temperature", "°C", -20, 60);

    private static readonly Dictionary<string, IReadOnlyDictionary<string, Metric>> ByKind = new()
    {
        [SensorKinds.Air] = Index(
            new("pm25", "µg/m³", 0, 2000), new("pm10", "µg/m³", 0, 3000), new("no2", "µg/m³", 0, 10000),
            new("o3", "µg/m³", 0, 5000), new("co", "µg/m³", 0, 500000), new("so2", "µg/m³", 0, 10000),
            Temperature, new("humidity", "%", 0, 100)),
        [SensorKinds.Water] = Index(
            new("do", "mg/L", 0, 25), new("cod", "mg/L", 0, 2000), new("bod5", "mg/L", 0, 1000),
            new("nh4", "mg/L", 0, 200), new("tss", "mg/L", 0, 10000), new("ph", "", 0, 14),
            Temperature, new("turbidity", "NTU", 0, 10000), new("coliform", "MPN/100 mL", 0, 1e8)),
        // A single rain reading is what fell since the previous one; 300 mm is beyond any recorded hour.
        [SensorKinds.Rain] = Index(new Metric("rainMm", "mm", 0, 300)),
        // Street water depth: 3 m is already far beyond "impassable".
        [SensorKinds.Flood] = Index(new Metric("depthCm", "cm", 0, 300)),
        [SensorKinds.ParkingSpot] = Index(new Metric("occupied", "", 0, 1, WholeNumber: true)),
        // The upper bound is the lot's capacity, checked against the catalogue at ingest.
        [SensorKinds.ParkingGate] = Index(new Metric("occupiedCount", "vehicles", 0, 100000, WholeNumber: true)),
        [SensorKinds.Traffic] = Index(
            new("volume", "vehicles", 0, 10000, WholeNumber: true), new("speedKmh", "km/h", 0, 200),
            new("occupancyPct", "%", 0, 100), new("queueM", "m", 0, 10000)),
        // People who came in since the counter's previous reading, and people inside the counted area now.
        [SensorKinds.VisitorCounter] = Index(
            new("entries", "people", 0, 100000, WholeNumber: true), new("present", "people", 0, 1000000, WholeNumber: true)),
    };

    /// <summary>The metrics of a kind, or an empty set for an unknown kind.</summary>
    public static IReadOnlyDictionary<string, Metric> For(string kind) =>
        ByKind.TryGetValue(kind, out var metrics) ? metrics : new Dictionary<string, Metric>();

    public static bool IsKnownKind(string kind) => ByKind.ContainsKey(kind);

    private static Dictionary<string, Metric> Index(params Metric[] metrics) =>
        metrics.ToDictionary(m => m.Name, StringComparer.Ordinal);
}
