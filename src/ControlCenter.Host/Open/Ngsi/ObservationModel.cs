using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// A model of one observation per sensor (…Observed, FloodMonitoring). A sensor that has never reported has no
/// observation, and these models require its time, so it is left out until its first reading; a sensor that has
/// gone quiet keeps publishing its last one, with that reading's time.
/// </summary>
public abstract class ObservationModel : SensorModel
{
    /// <summary>The model's attribute for the time of the observation.</summary>
    protected virtual string TimeAttribute => "dateObserved";

    protected sealed override NgsiLdEntity? Build(Sensor sensor, EntityState? state, NgsiLdSource source)
    {
        if (state?.Ts is not { } at) return null;
        var entity = source.Describe(new NgsiLdEntityBuilder(Type, sensor.Id), sensor.Name, sensor.NameEn, sensor.Lat, sensor.Lon, sensor.ZoneId)
            .Time(TimeAttribute, at);
        Observe(entity, sensor, state, at, source);
        return entity.Build();
    }

    /// <summary>Adds the model's own attributes; <paramref name="at"/> is the reading's time (their observedAt).</summary>
    protected abstract void Observe(NgsiLdEntityBuilder entity, Sensor sensor, EntityState state, DateTimeOffset at, NgsiLdSource source);
}
