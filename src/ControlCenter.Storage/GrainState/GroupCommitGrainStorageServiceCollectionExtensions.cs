using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>Registers the group-commit store the way Orleans registers its own storage providers.</summary>
public static class GroupCommitGrainStorageServiceCollectionExtensions
{
    public static IServiceCollection AddGroupCommitGrainStorage(this IServiceCollection services, string name, Action<GroupCommitGrainStorageOptions> configure) =>
        services.AddGroupCommitGrainStorage(name, builder => builder.Configure(configure));

    /// <remarks>Needs <see cref="CityDatabase"/> registered (the host registers it for all its storage).</remarks>
    public static IServiceCollection AddGroupCommitGrainStorage(
        this IServiceCollection services, string name, Action<OptionsBuilder<GroupCommitGrainStorageOptions>>? configure = null)
    {
        var options = services.AddOptions<GroupCommitGrainStorageOptions>(name);
        configure?.Invoke(options);
        options.PostConfigure<Serializer>((o, serializer) => o.GrainStorageSerializer ??= new OrleansGrainStorageSerializer(serializer));
        services.ConfigureNamedOptionForLogging<GroupCommitGrainStorageOptions>(name);
        // One reader and one writer per silo, whatever the number of providers: the batching is theirs.
        services.TryAddSingleton<GrainStateReader>();
        services.TryAddSingleton<GrainStateWriter>();
        services.AddTransient<IConfigurationValidator>(sp => new GroupCommitGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<GroupCommitGrainStorageOptions>>().Get(name), name, sp));
        return services.AddGrainStorage(name, GroupCommitGrainStorageFactory.Create);
    }
}
