using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Street flood sensors as <c>FloodMonitoring</c> (dataModel.Environment), the Smart Data Model made for water
/// level stations with alert and danger thresholds. <c>currentLevel</c> is the water depth on the road (the road
/// surface is the reference level, so the model's <c>referenceLevel</c> and <c>measuredDistance</c> are not used);
/// <c>alertLevel</c> and <c>dangerLevel</c> are the site's own, or the city's flood pack. All levels in cm.
/// <c>floodLevelStatus</c>: Normal, Warning, Alert (at or over the alert level), Danger (at or over the danger level).
/// </summary>
public sealed class FloodMonitoringModel : ObservationModel
{
    public override string Type => "FloodMonitoring";

    protected override string Subject => "Environment";

    protected override string Kind => SensorKinds.Flood;

    /// <summary>The model's own time attribute (it has no dateObserved).</summary>
    protected override string TimeAttribute => "observationDateTime";

    protected override void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source)
    {
        var pack = source.Thresholds.Packs.Flood;
        entity.Measured("currentLevel", DerivedFigures.Value(state.Values, "depthCm"), at, "CMT", decimals: 1)
            .Property("alertLevel", sensor.AlertLevelCm ?? pack.MajorCm, unitCode: "CMT")
            .Property("dangerLevel", sensor.DangerLevelCm ?? pack.CriticalCm, unitCode: "CMT")
            .Text("floodLevelStatus", DerivedFigures.Text(state.Derived, "floodLevel") switch
            {
                "critical" => "Danger",
                "major" => "Alert",
                "warning" => "Warning",
                "none" => "Normal",
                _ => null,
            }, at);
    }
}
