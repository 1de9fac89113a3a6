using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// The base of fixtures that need two hosts in one cluster: two silos on one fresh PostgreSQL database (clustering
/// and grain storage shared), both ready and seeing each other, requests able to name their client address.
/// </summary>
public abstract class TwoHostCluster
{
    private PostgresDatabase _database = null!;

    protected CityHost HostA { get; private set; } = null!;

    protected CityHost HostB { get; private set; } = null!;

    /// <summary>Serve host A on a real loopback port (a drill sends to its own address).</summary>
    protected virtual bool WithKestrel => false;

    protected virtual (string Key, string Value)[] Settings => [];

    [OneTimeSetUp]
    public async Task StartCluster()
    {
        _database = await PostgresDatabase.Create();
        // No MQTT broker: its relay reads every entity at start, which is not what these tests are about.
        (string, string)[] settings = [("Mqtt:Enabled", "false"), .. Settings];
        HostA = CityHost.OnPostgreSql(_database.ConnectionString, settings).WithServices(ClientAddress.AddTo);
        HostB = CityHost.OnPostgreSql(_database.ConnectionString, settings).WithServices(ClientAddress.AddTo);
        if (WithKestrel) HostA.WithKestrel();
        await HostA.WaitUntilReady();
        await HostB.WaitUntilReady();
        await Eventually.Until(() => ActiveSilos(HostA), n => n == 2, "both silos to be active in the cluster", TimeSpan.FromSeconds(60));
        await Eventually.Until(() => ActiveSilos(HostB), n => n == 2, "host B to see both silos", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task StopCluster()
    {
        await HostA.DisposeAsync();
        await HostB.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static async Task<int> ActiveSilos(CityHost host) =>
        (await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
}
