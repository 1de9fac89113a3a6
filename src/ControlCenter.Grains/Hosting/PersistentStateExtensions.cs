namespace ControlCenter.Grains.Hosting;

public static class PersistentStateExtensions
{
    /// <summary>
    /// Writes <paramref name="next"/> as the state, or, if the write fails, puts the previous state back, lets the
    /// grain reload from the database on its next activation (the write may have landed after all) and rethrows.
    /// Not written means not accepted: nothing is announced or remembered that a failed write could take back.
    /// </summary>
    public static async Task WriteOrRevert<T>(this IPersistentState<T> store, T next, Grain grain)
    {
        var previous = store.State;
        store.State = next;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            store.State = previous;
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
