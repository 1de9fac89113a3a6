using System.Globalization;
using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// West Lake water stations as <c>WaterQualityObserved</c> (dataModel.WaterQuality). Our metric names map to the
/// model's (<c>do</c> → <c>O2</c>, <c>bod5</c> → <c>bod</c>, <c>nh4</c> → <c>NH4</c>, <c>ph</c> → <c>pH</c>); total
/// coliforms have no attribute of their own, so they go in <c>measurand</c>, the model's list of extra measurands
/// ("symbol, value, unit, description"). The model has no freshness attribute: the reading's time is the only sign.
/// </summary>
public sealed class WaterQualityObservedModel : ObservationModel
{
    /// <summary>Our metric, the model's attribute, its UN/CEFACT unit code (M1 = mg/L, CEL = °C), and decimals.</summary>
    private static readonly (string Metric, string Attribute, string? Unit, int Decimals)[] Parameters =
    [
        ("do", "O2", "M1", 2), ("cod", "cod", "M1", 1), ("bod5", "bod", "M1", 1), ("nh4", "NH4", "M1", 3),
        ("tss", "tss", "M1", 1), ("ph", "pH", null, 2), ("temperature", "temperature", "CEL", 1), ("turbidity", "turbidity", null, 1),
    ];

    public override string Type => "WaterQualityObserved";

    protected override string Subject => "WaterQuality";

    protected override string Kind => SensorKinds.Water;

    protected override void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source)
    {
        foreach (var (metric, attribute, unit, decimals) in Parameters)
            entity.Measured(attribute, DerivedFigures.Value(state.Values, metric), at, unit, decimals);
        if (DerivedFigures.Value(state.Values, "coliform") is { } coliform)
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"coliform, {Math.Round(coliform)}, MPN/100mL, Total coliforms");
            entity.Property("measurand", new JsonArray(text), at);
        }
    }
}
