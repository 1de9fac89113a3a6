using ControlCenter.Domain.Derived;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per zone: a summary of every domain in it, where cross-domain rules will look.</summary>
public interface IZoneGrain : IAggregateGrain
{
    Task<ZoneSummary> GetZoneSummary();

    /// <summary>A sensor of the zone went stale or offline, or came back (one-way, like member changes).</summary>
    [Orleans.Concurrency.OneWay]
    Task SensorHealthChanged(string sensorId, HealthState health, DateTimeOffset since);

    /// <summary>Runs the zone's rules now (its timer does this every evaluation period).</summary>
    Task EvaluateRules();
}
