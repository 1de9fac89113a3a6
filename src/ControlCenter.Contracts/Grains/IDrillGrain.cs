using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// The one drill the cluster may run at a time (key <see cref="CityKey"/>). The host playing it renews its lease;
/// a stop asked on any host is handed to the playing host on its next renewal.
/// </summary>
public interface IDrillGrain : IGrainWithStringKey
{
    public const string CityKey = "hanoi";

    /// <returns>null when <paramref name="run"/> is now the cluster's drill; else the drill already running.</returns>
    Task<DrillRun?> TryStart(DrillRun run);

    /// <returns>The running drill, or null when none is (or its host stopped renewing).</returns>
    Task<DrillRun?> Current();

    /// <returns>false when the playing host must stop: a stop was asked, or the run is no longer the cluster's.</returns>
    Task<bool> Renew(string runId);

    /// <returns>The drill that will stop, or null when none was running.</returns>
    Task<DrillRun?> RequestStop();

    /// <summary>The playing host finished or stopped the run.</summary>
    Task End(string runId);
}
