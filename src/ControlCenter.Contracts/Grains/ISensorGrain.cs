using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per catalogue sensor, keyed by the sensor id.</summary>
public interface ISensorGrain : IEntityGrain
{
    /// <summary>
    /// Folds rows the readings log has committed for this sensor (rows it folded already are skipped; rows missing
    /// before these are read from the log first). Returns once live state includes them.
    /// </summary>
    Task Apply(LoggedReading[] readings);

    /// <summary>Folds whatever the log holds after this sensor's position (after a delivery failed).</summary>
    Task CatchUp();

    Task<MemberSummary> GetSummary();

    /// <summary>What its version counts: readings folded (up to which log position) and changes of health (crash tests).</summary>
    Task<SensorFolds> GetFolds();

    /// <summary>Re-evaluates health against the clock (the timer calls this; so may a test).</summary>
    Task RefreshHealth();

    /// <summary>Tells the zone again if this sensor is stale or offline (a zone that restarted asks its sensors).</summary>
    [Orleans.Concurrency.OneWay]
    Task AnnounceHealth();
}
