using ControlCenter.Domain.Air;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Grains.Sensors;

/// <summary>Turns a sensor's state into its derived figures and status, per kind, from the threshold packs.</summary>
public sealed class SensorDerivation(ThresholdPacks packs, VnAqi aqi)
{
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
        var result = aqi.Hourly(ReadingBuffers.HourlyMeans(state, packs.VnAqi.NowCastHours));
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
        // Kém (poor) and worse need attention; Xấu (bad) and worse are alerts.
        return category.Level >= 4 ? EntityStatus.Alert : category.Level == 3 ? EntityStatus.Warning : EntityStatus.Ok;
    }

    private EntityStatus Water(SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var quality = WaterQuality.Assess(state.Values, packs.Water);
        derived["waterClass"] = quality.WorstClass;
        derived["parameterClasses"] = quality.ParameterClasses;
        derived["doLevel"] = quality.DoLevel;
        if (state.Values.TryGetValue("do", out var oxygen)) figures["do"] = oxygen;
        figures["alert"] = quality.Status == EntityStatus.Alert ? 1 : 0;
        return quality.Status;
    }

    private EntityStatus Rain(SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        var end = state.LastTs ?? DateTimeOffset.MinValue;
        var rain = RainFigures.Compute(ReadingBuffers.Falls(state), end, packs.Rain);
        derived["rain30MinMm"] = rain.Last30MinMm;
        derived["rain1hMm"] = rain.Last1hMm;
        derived["rain3hMm"] = rain.Last3hMm;
        derived["intensity"] = rain.Intensity;
        figures["rain30MinMm"] = rain.Last30MinMm;
        figures["rain1hMm"] = rain.Last1hMm;
        figures["rain3hMm"] = rain.Last3hMm;
        return rain.Status(packs.Rain);
    }

    private EntityStatus Flood(Sensor sensor, SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        if (!state.Values.TryGetValue("depthCm", out var depth)) return EntityStatus.Ok;
        var level = FloodLevel.Of(depth, packs.Flood, sensor.AlertLevelCm, sensor.DangerLevelCm);
        derived["floodLevel"] = level;
        figures["depthCm"] = depth;
        figures["flooded"] = level == "none" ? 0 : 1;
        return FloodLevel.StatusOf(level);
    }

    private EntityStatus Traffic(Sensor sensor, SensorGrainState state, Dictionary<string, object?> derived, Dictionary<string, double> figures)
    {
        foreach (var (metric, value) in state.Values) figures[metric] = value;
        if (!state.Values.TryGetValue("speedKmh", out var speed) || sensor.FreeFlowSpeedKmh is not { } freeFlow) return EntityStatus.Ok;
        var los = LevelOfService.Of(speed, freeFlow, packs.Traffic);
        derived["levelOfService"] = los;
        derived["speedRatio"] = Math.Round(speed / freeFlow, 3);
        figures["freeFlowSpeedKmh"] = freeFlow;
        return LevelOfService.StatusOf(los);
    }

    private static EntityStatus Counter(SensorGrainState state, Dictionary<string, double> figures)
    {
        foreach (var (metric, value) in state.Values) figures[metric] = value;
        return EntityStatus.Ok;
    }
}
