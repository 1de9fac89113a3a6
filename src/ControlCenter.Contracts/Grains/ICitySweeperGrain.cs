using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// The cluster's one sweeper (key 0). A reminder wakes it every sweep period, on whichever silo is alive, and it
/// asks every grain with periodic work (sensors, zones, lot desks, the alert book, the outboxes) to check itself:
/// a grain whose silo died, or that was deactivated, comes back and runs its own timers again.
/// </summary>
public interface ICitySweeperGrain : IGrainWithIntegerKey
{
    /// <summary>Registers (or re-registers) the sweep reminder. Every host calls it at start; calling it again is harmless.</summary>
    Task Start();

    /// <summary>The last sweep that finished, or null before the first.</summary>
    Task<SweepReport?> LastSweep();
}
