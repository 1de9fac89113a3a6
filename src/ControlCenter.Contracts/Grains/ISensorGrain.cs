using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per catalogue sensor, keyed by the sensor id.</summary>
public interface ISensorGrain : IEntityGrain
{
    /// <summary>Applies readings of this sensor; state is persisted before this returns.</summary>
    /// <returns>One outcome per reading, in order.</returns>
    Task<ReadingOutcome[]> Ingest(SensorReading[] readings);

    Task<MemberSummary> GetSummary();

    /// <summary>Re-evaluates health against the clock (the timer calls this; so may a test).</summary>
    Task RefreshHealth();

    /// <summary>Tells the zone again if this sensor is stale or offline (a zone that restarted asks its sensors).</summary>
    [Orleans.Concurrency.OneWay]
    Task AnnounceHealth();
}
