using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>A model whose entities are the sensors of one kind (retired ones are never published).</summary>
public abstract class SensorModel : NgsiLdModel
{
    protected abstract string Kind { get; }

    /// <summary>A sensor's feed domain is its topic (spot sensors are "parking").</summary>
    public override string Topic => SensorKinds.DomainOf(Kind);

    public override IEnumerable<string> Ids(CityCatalog catalog) =>
        catalog.Sensors.Where(s => s.Kind == Kind && !s.Retired).Select(s => s.Id);

    public override NgsiLdEntity? Entity(string catalogueId, NgsiLdSource source) =>
        source.Catalog.FindSensor(catalogueId) is { Retired: false } sensor && sensor.Kind == Kind
            ? Build(sensor, source.State(sensor.Id), source)
            : null;

    protected abstract NgsiLdEntity? Build(Sensor sensor, EntityState? state, NgsiLdSource source);
}
