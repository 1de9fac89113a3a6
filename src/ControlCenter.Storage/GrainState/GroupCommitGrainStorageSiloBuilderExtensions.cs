using Microsoft.Extensions.Options;
using Orleans.Hosting;

namespace ControlCenter.Storage.GrainState;

/// <summary>The silo builder's face of <see cref="GroupCommitGrainStorageServiceCollectionExtensions"/>.</summary>
public static class GroupCommitGrainStorageSiloBuilderExtensions
{
    public static ISiloBuilder AddGroupCommitGrainStorage(this ISiloBuilder builder, string name, Action<GroupCommitGrainStorageOptions> configure)
    {
        builder.Services.AddGroupCommitGrainStorage(name, configure);
        return builder;
    }

    public static ISiloBuilder AddGroupCommitGrainStorage(
        this ISiloBuilder builder, string name, Action<OptionsBuilder<GroupCommitGrainStorageOptions>>? configure = null)
    {
        builder.Services.AddGroupCommitGrainStorage(name, configure);
        return builder;
    }
}
