using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Runtime;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>Fails silo start-up with a message that says what to set, instead of a first grain write that cannot work.</summary>
public sealed class GroupCommitGrainStorageOptionsValidator(GroupCommitGrainStorageOptions options, string name, IServiceProvider services)
    : IConfigurationValidator
{
    public void ValidateConfiguration()
    {
        var provider = $"Group-commit grain storage '{name}'";
        if (options.GrainStorageSerializer is null)
            throw new OrleansConfigurationException($"{provider}: GrainStorageSerializer is not set (leave it unset for Orleans' binary serializer).");
        if (services.GetService<IServiceProviderIsService>() is { } registered && !registered.IsService(typeof(CityDatabase)))
            throw new OrleansConfigurationException($"{provider} writes through {nameof(CityDatabase)}: register it, e.g. services.AddSingleton<{nameof(CityDatabase)}>().");
        if (options.LegacyStorageName is not { } legacy) return;
        if (string.IsNullOrWhiteSpace(legacy) || legacy == name)
            throw new OrleansConfigurationException(
                $"{provider}: LegacyStorageName '{legacy}' must name another provider (Orleans' ADO.NET provider of the earlier releases), or be null.");
        if (services.GetService<IServiceProviderIsKeyedService>() is { } keyed && !keyed.IsKeyedService(typeof(IGrainStorage), legacy))
            throw new OrleansConfigurationException(
                $"{provider} reads earlier state from provider '{legacy}', which is not registered: add it with AddAdoNetGrainStorage(\"{legacy}\", ...).");
    }
}
