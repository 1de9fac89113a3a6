using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

public enum HealthState { Ok, Stale, Offline }

/// <summary>A sensor is stale after a number of missed reporting intervals and offline after more.</summary>
public static class SensorHealth
{
    /// <param name="lastHeard">The latest reading's time, or when the sensor was first known if it never reported.</param>
    public static HealthState Evaluate(DateTimeOffset lastHeard, DateTimeOffset now, int intervalSeconds, HealthPack pack)
    {
        var silentIntervals = (now - lastHeard).TotalSeconds / intervalSeconds;
        return silentIntervals >= pack.OfflineAfterIntervals ? HealthState.Offline
            : silentIntervals >= pack.StaleAfterIntervals ? HealthState.Stale
            : HealthState.Ok;
    }

    /// <summary>When the health next changes if nothing is heard, so a timer needs no finer grain than that.</summary>
    public static TimeSpan StaleAfter(int intervalSeconds, HealthPack pack) =>
        TimeSpan.FromSeconds((double)intervalSeconds * pack.StaleAfterIntervals);
}
