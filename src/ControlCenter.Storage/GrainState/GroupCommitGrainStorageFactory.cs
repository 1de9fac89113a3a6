using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>Builds the provider registered under a name from the options of that name (Orleans' factory shape).</summary>
public static class GroupCommitGrainStorageFactory
{
    public static GroupCommitGrainStorage Create(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<GroupCommitGrainStorageOptions>>().Get(name);
        var legacy = options.LegacyStorageName is { } legacyName ? services.GetRequiredKeyedService<IGrainStorage>(legacyName) : null;
        return new GroupCommitGrainStorage(
            name,
            options,
            services.GetRequiredService<GrainStateReader>(),
            services.GetRequiredService<GrainStateWriter>(),
            services.GetRequiredService<CityDatabase>(),
            legacy,
            services.GetRequiredService<IActivatorProvider>(),
            // The reader and writer key rows by the cluster's ServiceId; the provider must use the same one.
            services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId);
    }
}
