using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Host.Open;

/// <summary>
/// The public JSON: what citizens and other systems may see of each domain, built from <see cref="OpenCity"/>.
/// Every field is chosen here, one by one: a lot's free spaces but never its sessions, plates or takings; a
/// warning's public words but never the alert's notes, procedure or people. Nothing depends on the time of the
/// request, so equal pictures give equal bodies (and equal ETags).
/// </summary>
public sealed partial class OpenViews(CityCatalog catalog, OpenCity city, ThresholdSource thresholds, CityClock clock)
{
    public sealed record Place(string Id, string Name, string NameEn, double Lat, double Lon, string ZoneId);

    /// <summary>
    /// A reading's freshness: <c>ts</c> is when it was measured; <c>stale</c> is true when the sensor has missed
    /// its reports (status stale or offline) — show its age, never as current.
    /// </summary>
    public sealed record Freshness(DateTimeOffset? Ts, string Status, bool Stale);

    public sealed record AirCategory(int Level, string Name, string NameEn, string Colour);

    public sealed record AirStation(
        Place Place, Freshness Freshness, int? Aqi, AirCategory? Category, string? MainPollutant, AirAdvice.Advice? Advice,
        IReadOnlyDictionary<string, double> Values);

    public sealed record WaterParameter(string Metric, double Value, string Unit, string? Class, double? LimitA, double? LimitB, bool Minimum);

    public sealed record WaterStation(Place Place, Freshness Freshness, string WaterClass, string DoLevel, IReadOnlyList<WaterParameter> Parameters);

    public sealed record RainGauge(Place Place, Freshness Freshness, double Rain1hMm, double Rain3hMm, double? Rain24hMm, string Intensity);

    /// <summary>A street flood point; <c>closedToTraffic</c> from the major level up (motorbikes stall).</summary>
    public sealed record FloodPoint(
        Place Place, Freshness Freshness, double? DepthCm, string Level, bool ClosedToTraffic, double AlertLevelCm, double DangerLevelCm);

    public sealed record ParkingLot(
        Place Place, Freshness Freshness, string Street, int Capacity, int? Free, double? Occupancy, bool Full, bool Available, string? ClosedReason);

    public sealed record Junction(Place Place, Freshness Freshness, string? LevelOfService);

    public sealed record Warning(
        string Id, string Title, string TitleEn, string Text, string TextEn, string Severity, PublicArea Area,
        DateTimeOffset PublishedAt, DateTimeOffset? UpdatedAt, int Revision);

    public IReadOnlyList<AirStation> Air() =>
        [.. Sensors(SensorKinds.Air).Select(s => (Sensor: s, State: city.State(s.Id))).Select(x =>
        {
            var derived = x.State?.Derived;
            var level = Int(derived, "aqiLevel");
            var category = level is { } l
                ? new AirCategory(l, Text(derived, "aqiCategory") ?? "", Text(derived, "aqiCategoryEn") ?? "", Text(derived, "aqiColour") ?? "")
                : null;
            return new AirStation(PlaceOf(x.Sensor), FreshnessOf(x.State), Int(derived, "aqi"), category, Text(derived, "dominantPollutant"),
                level is { } advised ? AirAdvice.For(advised) : null, Rounded(x.State?.Values));
        })];

    public IReadOnlyList<WaterStation> Water()
    {
        var pack = thresholds.Packs.Water;
        return [.. Sensors(SensorKinds.Water).Select(s =>
        {
            var state = city.State(s.Id);
            var quality = WaterQuality.Assess(state?.Values ?? new Dictionary<string, double>(), pack);
            var parameters = (state?.Values ?? new Dictionary<string, double>()).OrderBy(v => v.Key, StringComparer.Ordinal).Select(v =>
            {
                var limit = pack.Limits.GetValueOrDefault(v.Key);
                return new WaterParameter(v.Key, Math.Round(v.Value, 2), Metrics.For(SensorKinds.Water).TryGetValue(v.Key, out var m) ? m.Unit : "",
                    quality.ParameterClasses.GetValueOrDefault(v.Key), limit?.ClassA, limit?.ClassB, limit?.LowerIsWorse ?? false);
            });
            return new WaterStation(PlaceOf(s), FreshnessOf(state), quality.WorstClass, quality.DoLevel, [.. parameters]);
        })];
    }

    /// <param name="rain24h">Each gauge's last 24 h from the history (absent when it could not be read).</param>
    public IReadOnlyList<RainGauge> Rain(IReadOnlyDictionary<string, double> rain24h) =>
        [.. Sensors(SensorKinds.Rain).Select(s =>
        {
            var state = city.State(s.Id);
            return new RainGauge(PlaceOf(s), FreshnessOf(state), Number(state?.Derived, "rain1hMm") ?? 0, Number(state?.Derived, "rain3hMm") ?? 0,
                rain24h.TryGetValue(s.Id, out var day) ? Math.Round(day, 1) : null, Text(state?.Derived, "intensity") ?? "none");
        })];

    public IReadOnlyList<FloodPoint> Flood()
    {
        var pack = thresholds.Packs.Flood;
        return [.. Sensors(SensorKinds.Flood).Select(s =>
        {
            var state = city.State(s.Id);
            double? depth = state?.Values.TryGetValue("depthCm", out var d) == true ? d : null;
            var level = Text(state?.Derived, "floodLevel") ?? "none";
            return new FloodPoint(PlaceOf(s), FreshnessOf(state), depth, level, level is "major" or "critical",
                s.AlertLevelCm ?? pack.MajorCm, s.DangerLevelCm ?? pack.CriticalCm);
        })];
    }

    public IReadOnlyList<ParkingLot> Parking() =>
        [.. catalog.ParkingLots.Select(lot =>
        {
            var state = city.State(lot.Id);
            var derived = state?.Derived;
            var place = new Place(lot.Id, lot.Name, lot.NameEn, lot.Lat, lot.Lon, lot.ZoneId);
            return new ParkingLot(place, FreshnessOf(state), lot.Street, lot.Capacity, Int(derived, "free"),
                Number(derived, "occupancy") is { } o ? Math.Round(o, 3) : null, derived?.GetValueOrDefault("full") is true,
                derived?.GetValueOrDefault("available") is not false, Text(derived, "unavailableReason"));
        })];

    public IReadOnlyList<Junction> Traffic() =>
        [.. catalog.Junctions.Select(j =>
        {
            var state = city.State(j.Id);
            return new Junction(new Place(j.Id, j.Name, j.NameEn, j.Lat, j.Lon, j.ZoneId), FreshnessOf(state), Text(state?.Derived, "levelOfService"));
        })];

    /// <summary>The warnings in force (the CAP feed, not this, tells of ended ones).</summary>
    public IReadOnlyList<Warning> Warnings() =>
        [.. city.Warnings().Where(a => a.WarnsPublic).Select(a =>
        {
            var w = a.PublicWarning!;
            return new Warning(a.Id, w.Title, w.TitleEn, w.Text, w.TextEn, a.Severity, w.Area, w.PublishedAt, w.UpdatedAt, w.Revision);
        })];

    private IEnumerable<Sensor> Sensors(string kind) => catalog.Sensors.Where(s => s.Kind == kind && !s.Retired);

    private static Place PlaceOf(Sensor s) => new(s.Id, s.Name, s.NameEn, s.Lat, s.Lon, s.ZoneId);

    private static Freshness FreshnessOf(EntityState? state) =>
        state is null ? new Freshness(null, EntityStatus.Offline.ToWire(), true)
        : new Freshness(state.Ts, state.Status, state.Ts is null || state.Status == EntityStatus.Stale.ToWire() || state.Status == EntityStatus.Offline.ToWire());

    private static Dictionary<string, double> Rounded(IReadOnlyDictionary<string, double>? values) =>
        values?.OrderBy(v => v.Key, StringComparer.Ordinal).ToDictionary(v => v.Key, v => Math.Round(v.Value, 1), StringComparer.Ordinal) ?? [];

    private static string? Text(IReadOnlyDictionary<string, object?>? derived, string key) => derived?.GetValueOrDefault(key) as string;

    private static double? Number(IReadOnlyDictionary<string, object?>? derived, string key) => derived?.GetValueOrDefault(key) switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        _ => null,
    };

    private static int? Int(IReadOnlyDictionary<string, object?>? derived, string key) => Number(derived, key) is { } n ? (int)Math.Round(n) : null;
}
