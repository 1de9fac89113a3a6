using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Parking;

[GenerateSerializer]
public sealed class PlateState
{
    [Id(0)] public string? OpenSessionId { get; set; }

    [Id(1)] public string? HoldId { get; set; }

    [Id(2)] public DateTimeOffset HoldExpiresAt { get; set; }
}

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
        State.OpenSessionId = sessionId;
        await Save();
        return null;
    }

    public async Task ReleaseSession(string sessionId)
    {
        if (State.OpenSessionId != sessionId) return;
        State.OpenSessionId = null;
        await Save();
    }

    public async Task<string?> ClaimHold(string holdId, DateTimeOffset expiresAt)
    {
        // A parked car (an open session) holds no second space.
        if (State.OpenSessionId is { } open) return open;
        if (State.HoldId is { } held && held != holdId && State.HoldExpiresAt > clock.Now) return held;
        State.HoldId = holdId;
        State.HoldExpiresAt = expiresAt;
        await Save();
        return null;
    }

    public async Task ReleaseHold(string holdId)
    {
        if (State.HoldId != holdId) return;
        State.HoldId = null;
        await Save();
    }

    private async Task Save()
    {
        try
        {
            if (State.OpenSessionId is null && State.HoldId is null) await store.ClearStateAsync();
            else await store.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }
}
