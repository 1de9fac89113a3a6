using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Air stations as <c>AirQualityObserved</c> (dataModel.Environment). Pollutants keep the model's names and our
/// units (µg/m³, UN/CEFACT <c>GQ</c>, CO included); humidity becomes the model's 0–1 <c>relativeHumidity</c>.
/// <c>airQualityIndex</c> is the VN_AQI (QĐ 1459/QĐ-TCMT) and <c>airQualityLevel</c> its category in English
/// camelCase. <c>reliability</c> says how fresh the reading is, not how accurate the instrument is.
/// </summary>
public sealed class AirQualityObservedModel : ObservationModel
{
    private static readonly string[] Pollutants = ["pm25", "pm10", "no2", "o3", "co", "so2"];

    /// <summary>VN_AQI categories 1–6 (Tốt … Nguy hại), in the model's camelCase style.</summary>
    private static readonly string[] Levels = ["good", "moderate", "poor", "bad", "veryBad", "hazardous"];

    public override string Type => "AirQualityObserved";

    protected override string Subject => "Environment";

    protected override string Kind => SensorKinds.Air;

    protected override void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source)
    {
        foreach (var pollutant in Pollutants)
            entity.Measured(pollutant, DerivedFigures.Value(state.Values, pollutant), at, "GQ", decimals: 1);
        entity.Measured("temperature", DerivedFigures.Value(state.Values, "temperature"), at, "CEL", decimals: 1);
        entity.Measured("relativeHumidity", DerivedFigures.Value(state.Values, "humidity") / 100, at, "C62", decimals: 3);

        if (DerivedFigures.Whole(state.Derived, "aqi") is { } aqi)
            entity.Property("airQualityIndex", Math.Max(0, aqi), at);
        if (DerivedFigures.Whole(state.Derived, "aqiLevel") is { } level && level >= 1 && level <= Levels.Length)
            entity.Property("airQualityLevel", Levels[level - 1], at);
        entity.Property("reliability", Reliability(state), at);
    }

    /// <summary>1 for a station reporting on time, 0.5 once it has missed reports, 0 when it is offline.</summary>
    private static double Reliability(EntityState state) =>
        state.Status == EntityStatus.Offline.ToWire() ? 0 : state.Status == EntityStatus.Stale.ToWire() ? 0.5 : 1;
}
