using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Rain gauges as <c>WeatherObserved</c> (dataModel.Weather). <c>precipitation</c> is the rain of the last hour up
/// to <c>dateObserved</c>, in mm (= L/m², the model's unit): the gauges report what fell since their previous
/// reading, and an hourly total is what the model's consumers (and our own rules) compare with thresholds.
/// </summary>
public sealed class WeatherObservedModel : ObservationModel
{
    public override string Type => "WeatherObserved";

    protected override string Subject => "Weather";

    protected override string Kind => SensorKinds.Rain;

    protected override void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source) =>
        entity.Measured("precipitation", Math.Max(0, DerivedFigures.Number(state.Derived, "rain1hMm") ?? 0), at, "MMT", decimals: 1);
}
