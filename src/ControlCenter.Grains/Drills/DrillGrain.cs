using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Drills;

/// <summary>
/// Holds the cluster's drill. The run and a stop request are written (they must survive this grain moving to
/// another silo); the lease is not — renewals every second would be a write each — so a reactivated grain gives
/// the playing host one whole lease to renew before it treats the run as lapsed.
/// </summary>
public sealed class DrillGrain(
    [PersistentState(StorageNames.DrillState, StorageNames.GrainStore)] IPersistentState<DrillGrainState> store,
    TimeProvider time) : Grain, IDrillGrain
{
    private DateTimeOffset _leaseUntil;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Run is { } run) _leaseUntil = time.GetUtcNow() + run.Lease;
        return Task.CompletedTask;
    }

    public async Task<DrillRun?> TryStart(DrillRun run)
    {
        if (Running() is { } current) return current;
        await store.WriteOrRevert(new DrillGrainState { Run = run }, this);
        _leaseUntil = time.GetUtcNow() + run.Lease;
        return null;
    }

    public Task<DrillRun?> Current() => Task.FromResult(Running());

    public Task<bool> Renew(string runId)
    {
        if (Running() is not { } run || run.RunId != runId || store.State.StopRequested) return Task.FromResult(false);
        _leaseUntil = time.GetUtcNow() + run.Lease;
        return Task.FromResult(true);
    }

    public async Task<DrillRun?> RequestStop()
    {
        if (Running() is not { } run) return null;
        if (!store.State.StopRequested) await store.WriteOrRevert(store.State with { StopRequested = true }, this);
        return run;
    }

    public async Task End(string runId)
    {
        if (store.State.Run?.RunId == runId) await store.WriteOrRevert(new DrillGrainState(), this);
    }

    private DrillRun? Running() => store.State.Run is { } run && time.GetUtcNow() < _leaseUntil ? run : null;
}
