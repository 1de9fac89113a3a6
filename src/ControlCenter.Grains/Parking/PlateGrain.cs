using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// One plate: at most one open session and one active hold at a time. A hold past its time no longer counts,
/// even if its lot has not expired it yet. The stored state is cleared (a tombstone: no payload) when the plate has neither.
/// </summary>
public sealed class PlateGrain(
    [PersistentState(StorageNames.PlateState, StorageNames.GrainStore)] IPersistentState<PlateState> store,
    CityClock clock) : Grain, IPlateGrain
{
    private PlateState State => store.State;

    public async Task<string?> ClaimSession(string sessionId)
    {
        if (State.OpenSessionId is { } open && open != sessionId) return open;
        if (State.OpenSessionId == sessionId) return null;
        await Save(State with { OpenSessionId = sessionId });
        return null;
    }

    public async Task ReleaseSession(string sessionId)
    {
        if (State.OpenSessionId != sessionId) return;
        await Save(State with { OpenSessionId = null });
    }

    public async Task<string?> ClaimHold(string holdId, DateTimeOffset expiresAt)
    {
        // A parked car (an open session) holds no second space.
        if (State.OpenSessionId is { } open) return open;
        if (State.HoldId is { } held && held != holdId && State.HoldExpiresAt > clock.Now) return held;
        await Save(State with { HoldId = holdId, HoldExpiresAt = expiresAt });
        return null;
    }

    public async Task ReleaseHold(string holdId)
    {
        if (State.HoldId != holdId) return;
        await Save(State with { HoldId = null });
    }

    private async Task Save(PlateState next)
    {
        try
        {
            store.State = next;
            if (next.OpenSessionId is null && next.HoldId is null) await store.ClearStateAsync();
            else await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
