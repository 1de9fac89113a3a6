using ControlCenter.Contracts;
using ControlCenter.Storage.GrainState;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>The provider is registered by name with named options, and wrong options stop the silo with a clear message.</summary>
public class RegistrationTests : GrainStorageTest
{
    [Test]
    public async Task AddGroupCommitGrainStorage_ByName_ResolvesTheProviderWithItsNamedOptions()
    {
        await UseDatabase(DatabaseProvider.Sqlite);
        var services = StorageSilo.Registrations(Test);
        services.AddGroupCommitGrainStorage("plain");
        services.AddGroupCommitGrainStorage(StorageNames.GrainStore, o => o.LegacyStorageName = GroupCommitGrainStorage.LegacyAdoNetName);
        await using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptionsMonitor<GroupCommitGrainStorageOptions>>();
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetRequiredKeyedService<IGrainStorage>("plain"), Is.InstanceOf<GroupCommitGrainStorage>());
            Assert.That(options.Get("plain").LegacyStorageName, Is.Null);
            Assert.That(options.Get(StorageNames.GrainStore).LegacyStorageName, Is.EqualTo(GroupCommitGrainStorage.LegacyAdoNetName));
            Assert.That(options.Get("plain").GrainStorageSerializer, Is.InstanceOf<OrleansGrainStorageSerializer>(), "binary by default, the format rows hold");
            Assert.That(() => Validate(provider), Throws.Nothing);
        });
    }

    [TestCase("missing", "'missing', which is not registered")]
    [TestCase(StorageNames.GrainStore, "must name another provider")]
    public async Task Validate_WrongLegacyStorageName_FailsStartWithAClearMessage(string legacy, string message)
    {
        await UseDatabase(DatabaseProvider.Sqlite);
        var services = StorageSilo.Registrations(Test);
        services.AddGroupCommitGrainStorage(StorageNames.GrainStore, o => o.LegacyStorageName = legacy);
        await using var provider = services.BuildServiceProvider();

        Assert.That(() => Validate(provider), Throws.InstanceOf<OrleansConfigurationException>().With.Message.Contains(message));
    }

    [Test]
    public async Task Validate_WithoutCityDatabase_FailsStartWithAClearMessage()
    {
        var services = new ServiceCollection();
        services.AddSerializer();
        services.AddGroupCommitGrainStorage(StorageNames.GrainStore);
        await using var provider = services.BuildServiceProvider();

        Assert.That(() => Validate(provider), Throws.InstanceOf<OrleansConfigurationException>().With.Message.Contains(nameof(CityDatabase)));
    }

    private static void Validate(IServiceProvider provider)
    {
        foreach (var validator in provider.GetServices<Orleans.IConfigurationValidator>()) validator.ValidateConfiguration();
    }
}
