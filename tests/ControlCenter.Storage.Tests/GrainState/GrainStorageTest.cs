using ControlCenter.Storage.Tests.Infrastructure;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>The base of the grain-store tests: a database of the test's own and any number of silos sharing it.</summary>
public abstract class GrainStorageTest
{
    private readonly Stack<IAsyncDisposable> _owned = new();

    protected TestDatabase Test { get; private set; } = null!;

    protected async Task UseDatabase(DatabaseProvider provider)
    {
        Test = await TestDatabase.Create(provider);
        _owned.Push(Test);
    }

    protected async Task<StorageSilo> StartSilo()
    {
        var silo = await StorageSilo.Start(Test);
        _owned.Push(silo);
        return silo;
    }

    protected async Task<(StorageSilo A, StorageSilo B)> StartTwoSilos(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        return (await StartSilo(), await StartSilo());
    }

    [TearDown]
    public async Task DisposeOwned()
    {
        // Silos first (their writers finish what is queued), the database last.
        while (_owned.TryPop(out var owned)) await owned.DisposeAsync();
    }
}
