using ControlCenter.Contracts;
using ControlCenter.Storage.GrainState;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>
/// What one silo holds of grain storage, registered as the host registers it: the group-commit store with its own
/// reader and writer, and Orleans' ADO.NET provider as the legacy store. Two of these on one database are two
/// silos sharing it. Start-up runs the configuration validators and the providers' lifecycle, as a silo would.
/// </summary>
public sealed class StorageSilo : IAsyncDisposable
{
    public const string ServiceId = "storage-tests";

    private readonly ServiceProvider _services;
    private readonly SiloLifecycleSubject _lifecycle;

    private StorageSilo(ServiceProvider services, SiloLifecycleSubject lifecycle) => (_services, _lifecycle) = (services, lifecycle);

    public IGrainStorage Store => _services.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);

    public IGrainStorage Legacy => _services.GetRequiredKeyedService<IGrainStorage>(GroupCommitGrainStorage.LegacyAdoNetName);

    public static ServiceCollection Registrations(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(CounterState).Assembly));
        services.Configure<ClusterOptions>(o => { o.ClusterId = "test"; o.ServiceId = ServiceId; });
        services.AddSingleton(database.Database);
        services.AddAdoNetGrainStorage(GroupCommitGrainStorage.LegacyAdoNetName, o =>
        {
            o.Invariant = database.Options.Invariant;
            o.ConnectionString = database.Database.ConnectionString;
            o.DeleteStateOnClear = true;
        });
        services.AddOptions<AdoNetGrainStorageOptions>(GroupCommitGrainStorage.LegacyAdoNetName)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        return services;
    }

    public static async Task<StorageSilo> Start(TestDatabase database)
    {
        var services = Registrations(database);
        services.AddGroupCommitGrainStorage(StorageNames.GrainStore, o => o.LegacyStorageName = GroupCommitGrainStorage.LegacyAdoNetName);
        var provider = services.BuildServiceProvider();
        foreach (var validator in provider.GetServices<IConfigurationValidator>()) validator.ValidateConfiguration();
        var lifecycle = new SiloLifecycleSubject(NullLogger<SiloLifecycleSubject>.Instance);
        foreach (var participant in provider.GetServices<ILifecycleParticipant<ISiloLifecycle>>()) participant.Participate(lifecycle);
        await lifecycle.OnStart(CancellationToken.None);
        return new StorageSilo(provider, lifecycle);
    }

    /// <summary>What a grain activation on this silo reads.</summary>
    public async Task<GrainState<CounterState>> Activate(GrainId grain)
    {
        var state = new GrainState<CounterState>(new CounterState());
        await Store.ReadStateAsync(Counter.StateName, grain, state);
        return state;
    }

    public Task Write(GrainId grain, GrainState<CounterState> state, int count)
    {
        state.State = new CounterState { Count = count };
        return Store.WriteStateAsync(Counter.StateName, grain, state);
    }

    public Task Clear(GrainId grain, GrainState<CounterState> state) => Store.ClearStateAsync(Counter.StateName, grain, state);

    public async ValueTask DisposeAsync()
    {
        await _lifecycle.OnStop(CancellationToken.None);
        await _services.DisposeAsync();
    }
}
