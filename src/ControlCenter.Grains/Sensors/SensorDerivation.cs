using ControlCenter.Domain.Air;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Sensors;

/// <summary>Turns a sensor's state into its derived figures and status, per kind, from the threshold Packs.</summary>
public sealed class SensorDerivation(ThresholdSource thresholds)
{
    private ThresholdPacks Packs => thresholds.Packs;

    public SensorView Derive(Sensor sensor, SensorGrainState state, HealthState health)
    {
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal) { ["health"] = health.ToString().ToLowerInvariant() };
        var figures = new Dictionary<string, double>(StringComparer.Ordinal);
        var status = sensor.Kind switch
        {
            SensorKinds.Air => Air(state, derived, figures),
            SensorKinds.Water => Water(state, derived, figures),
            SensorKinds.Rain => Rain(state, derived, figures),
            SensorKinds.Flood => Flood(sensor, state, derived, figures),
            SensorKinds.Traffic => Traffic(sensor, state, derived, figures),
            SensorKinds.VisitorCounter => Visitors(sensor, state, derived, figures),
            _ => Counter(state, figures),
        };

        var overall = health switch
        {
            HealthState.Offline => EntityStatus.Offline,
            HealthState.Stale => EntityStatus.Stale,
            _ => status,
        };
        return new SensorView(derived, overall, figures);
    }

    private EntityStatus Air(SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var result = thresholds.Aqi.Hourly(ReadingBuffers.HourlyMeans(state, Packs.VnAqi.NowCastHours));
        if (result.Aqi is not { } value || result.Category is not { } category)
        {
            derived["aqiUnavailable"] = result.Unavailable;
            return EntityStatus.Ok;
        }

        derived["aqi"] = value;
        derived["aqiCategory"] = category.Name;
        derived["aqiCategoryEn"] = category.NameEn;
        derived["aqiLevel"] = category.Level;
        derived["aqiColour"] = category.Colour;
        derived["dominantPollutant"] = result.DominantPollutant;
        derived["subIndices"] = result.SubIndices;
        figures["aqi"] = value;
        figures["aqiLevel"] = category.Level;
        // The hour before, on the same NowCast: how fast the air is getting worse (the traffic → air rule).
        var previous = thresholds.Aqi.Hourly(ReadingBuffers.HourlyMeans(state, Packs.VnAqi.NowCastHours + 1)
            .ToDictionary(m => m.Key, m => (IReadOnlyList<double?>)[.. m.Value.Skip(1)]));
        if (previous.Aqi is { } before)
        {
            derived["aqiChange1h"] = value - before;
            figures["aqiChange1h"] = value - before;
        }

        // Kém (poor) and worse need attention; Xấu (bad) and worse are alerts.
        return category.Level >= 4 ? EntityStatus.Alert : category.Level == 3 ? EntityStatus.Warning : EntityStatus.Ok;
    }

    private EntityStatus Water(SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var quality = WaterQuality.Assess(state.Values, Packs.Water);
        derived["waterClass"] = quality.WorstClass;
        derived["parameterClasses"] = quality.ParameterClasses;
        derived["doLevel"] = quality.DoLevel;
        foreach (var (metric, value) in state.Values) figures[metric] = value;
        if (ReadingBuffers.OxygenDrop(state) is { } drop)
        {
            derived["doDrop3h"] = drop;
            figures["doDrop3h"] = drop;
        }

        figures["alert"] = quality.Status == EntityStatus.Alert ? 1 : 0;
        return quality.Status;
    }

    private EntityStatus Rain(SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var end = state.LastTs ?? DateTimeOffset.MinValue;
        var rain = RainFigures.Compute(ReadingBuffers.Falls(state), end, Packs.Rain);
        derived["rain30MinMm"] = rain.Last30MinMm;
        derived["rain1hMm"] = rain.Last1hMm;
        derived["rain3hMm"] = rain.Last3hMm;
        derived["intensity"] = rain.Intensity;
        figures["rain30MinMm"] = rain.Last30MinMm;
        figures["rain1hMm"] = rain.Last1hMm;
        figures["rain3hMm"] = rain.Last3hMm;
        return rain.Status(Packs.Rain);
    }

    private EntityStatus Flood(Sensor sensor, SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        if (!state.Values.TryGetValue("depthCm", out var depth)) return EntityStatus.Ok;
        var level = FloodLevel.Of(depth, Packs.Flood, sensor.AlertLevelCm, sensor.DangerLevelCm);
        derived["floodLevel"] = level;
        figures["depthCm"] = depth;
        figures["flooded"] = level == "none" ? 0 : 1;
        return FloodLevel.StatusOf(level);
    }

    private EntityStatus Traffic(Sensor sensor, SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        foreach (var (metric, value) in state.Values) figures[metric] = value;
        if (!state.Values.TryGetValue("speedKmh", out var speed) || sensor.FreeFlowSpeedKmh is not { } freeFlow) return EntityStatus.Ok;
        var los = LevelOfService.Of(speed, freeFlow, Packs.Traffic);
        derived["levelOfService"] = los;
        derived["speedRatio"] = Math.Round(speed / freeFlow, 3);
        figures["freeFlowSpeedKmh"] = freeFlow;
        return LevelOfService.StatusOf(los);
    }

    private EntityStatus Visitors(Sensor sensor, SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var perHour = ReadingBuffers.EntriesLastHour(state);
        derived["visitorsPerHour"] = perHour;
        figures["visitorsPerHour"] = perHour;
        if (!state.Values.TryGetValue("present", out var present) || sensor.Capacity is not { } capacity) return EntityStatus.Ok;
        var crowding = Crowding.Of(present, capacity, Packs.Tourism);
        derived["capacity"] = capacity;
        derived["crowding"] = crowding.Level;
        derived["crowdingRatio"] = crowding.Ratio;
        figures["present"] = crowding.Present;
        figures["capacity"] = capacity;
        figures["crowdingRatio"] = crowding.Ratio;
        figures["crowdingLevel"] = crowding.Rank;
        return crowding.Status;
    }

    private static EntityStatus Counter(SensorGrainState state, Dictionary<string, double> figures)
    {
        foreach (var (metric, value) in state.Values) figures[metric] = value;
        return EntityStatus.Ok;
    }
}
