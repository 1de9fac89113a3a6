using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.People;

/// <summary>One person's wall settings, written through the grain store (a choice made on one wall holds on every wall).</summary>
public sealed class UserPreferencesGrain(
    [PersistentState(StorageNames.UserPreferencesState, StorageNames.GrainStore)] IPersistentState<UserPreferencesState> store) : Grain, IUserPreferencesGrain
{
    public Task<UserPreferences> Get() => Task.FromResult(View());

    public async Task<UserPreferences> SetCriticalAlertAlarm(bool on)
    {
        if (store.State.CriticalAlertAlarm != on) await store.WriteOrRevert(store.State with { CriticalAlertAlarm = on }, this);
        return View();
    }

    private UserPreferences View() => new() { CriticalAlertAlarm = store.State.CriticalAlertAlarm };
}
