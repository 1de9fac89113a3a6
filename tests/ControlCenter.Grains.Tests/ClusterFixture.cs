using ControlCenter.Contracts;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster for the grain tests, with memory storage and a fake city clock. Each test
/// uses its own entities or moves the clock forward only, so tests can share the cluster.
/// </summary>
[SetUpFixture]
public sealed class ClusterFixture
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));

    public static TestCluster Cluster { get; private set; } = null!;

    public static IGrainFactory Grains => Cluster.GrainFactory;

    [OneTimeSetUp]
    public async Task Start()
    {
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStore, (_, _) => new FailingStorage());
            silo.Services.AddCityModel(TestCity.Catalog, ThresholdPacks.Defaults, Clock, o =>
            {
                o.HealthCheckPeriod = TimeSpan.FromMilliseconds(50);
                o.AggregateFlushPeriod = TimeSpan.FromMilliseconds(50);
                // Tests run the rules and sweeps themselves, at the fake clock's times.
                o.RuleEvaluationPeriod = TimeSpan.FromHours(1);
                o.AlertSweepPeriod = TimeSpan.FromHours(1);
            });
            silo.UseInMemoryReminderService();
        }
    }
}
