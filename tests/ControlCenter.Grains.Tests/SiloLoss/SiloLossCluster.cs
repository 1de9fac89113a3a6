using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Parking;
using ControlCenter.Grains.Sensors;
using ControlCenter.Storage;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Parking;
using ControlCenter.Storage.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Configuration;
using Orleans.Core.Internal;
using Orleans.Runtime.Placement;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ControlCenter.Grains.Tests.SiloLoss;

/// <summary>
/// A cluster whose grain storage, readings log and reminder table outlive any silo (as PostgreSQL does), with a fake
/// city clock. The grains' own timers are set an hour apart, so whatever periodic work happens in these tests is the
/// city sweeper's, whose reminder fires every second. Each test starts a silo of its own, places grains on it and
/// kills it; the primary silo (which also keeps the test cluster's membership) survives.
/// </summary>
[SetUpFixture]
public sealed class SiloLossCluster
{
    public static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Every step of a test is bounded: a cluster that does not recover fails the test instead of hanging the run.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(20);

    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));

    public static TestCluster Cluster { get; private set; } = null!;

    public static IGrainFactory Factory => Cluster.GrainFactory;

    private static readonly string DataDirectory = Directory.CreateTempSubdirectory("controlcenter-siloloss-test-").FullName;

    private static readonly CityDatabase Database = new(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { DataDirectory = DataDirectory }));

    private static IServiceProvider Survivor => Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress);

    /// <summary>The stored grain state, read without activating anything.</summary>
    public static SharedGrainStorage StoredStates => (SharedGrainStorage)Survivor.GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);

    [OneTimeSetUp]
    public async Task Start()
    {
        await new SchemaInitializer(Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
        var builder = new TestClusterBuilder(1);
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        // What every host does at start.
        await Factory.GetGrain<ICitySweeperGrain>(0).Start();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    /// <summary>Takes readings through the surviving silo, the way ingest does.</summary>
    public static Task<bool[]> Ingest(params SensorReading[] readings) =>
        Survivor.GetRequiredService<ReadingIntake>().Take(readings, Clock.GetUtcNow(), CancellationToken.None).WaitAsync(CallTimeout);

    /// <summary>Starts one more silo, for a test to place grains on and kill.</summary>
    public static Task<SiloHandle> StartDoomedSilo() => Cluster.StartAdditionalSiloAsync().WaitAsync(CallTimeout);

    /// <summary>Kills the silo without a graceful stop: its activations are not deactivated, their timers die with it.</summary>
    public static Task Kill(SiloHandle silo) => Cluster.KillSiloAsync(silo).WaitAsync(CallTimeout);

    /// <summary>The silo a grain is active on now, or null; asks the directory, activates nothing.</summary>
    public static async Task<SiloAddress?> HostOf(IAddressable grain) =>
        await Factory.GetGrain<IManagementGrain>(0).GetActivationAddress(grain).AsTask().WaitAsync(CallTimeout);

    /// <summary>
    /// Moves each grain's activation onto the silo. Only an activation on a live silo is moved: one that an earlier test's
    /// kill left behind is first brought back by the sweeper (a migration request to a dead silo goes unanswered).
    /// </summary>
    public static async Task PlaceOn(SiloHandle silo, params IAddressable[] grains)
    {
        foreach (var grain in grains)
        {
            await Eventually.Until(async () =>
            {
                var host = await HostOf(grain);
                if (host is null || !Cluster.GetActiveSilos().Any(s => s.SiloAddress.Equals(host))) return false;
                if (host.Equals(silo.SiloAddress)) return true;
                // Not TestCluster.MigrateAsync: it waits for the grain's activations in every silo it started to deactivate,
                // and one on a silo an earlier test killed never does.
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo.SiloAddress);
                try
                {
                    await grain.Cast<IGrainManagementExtension>().MigrateOnIdle().AsTask().WaitAsync(CallTimeout);
                }
                finally
                {
                    RequestContext.Remove(IPlacementDirector.PlacementHintKey);
                }

                return false;
            }, placed => placed, $"{grain.GetGrainId()} to be active on {silo.SiloAddress}");
        }
    }

    /// <summary>Waits until the grain is active on a silo other than the one killed (the sweeper brought it back).</summary>
    public static Task WaitUntilBack(IAddressable grain, SiloHandle killed) =>
        Eventually.Until(() => HostOf(grain), host => host is not null && !host.Equals(killed.SiloAddress),
            $"{grain.GetGrainId()} to be active again on a surviving silo", TimeSpan.FromSeconds(20));

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStore, (sp, _) => ActivatorUtilities.CreateInstance<SharedGrainStorage>(sp));
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, SharedReminderTable>();
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = SweepPeriod);
            silo.Services.AddCityModel(SiloLossCity.Catalog, ThresholdPacks.Defaults, Clock, o =>
            {
                o.HealthCheckPeriod = TimeSpan.FromHours(1);
                o.RuleEvaluationPeriod = TimeSpan.FromHours(1);
                o.AlertSweepPeriod = TimeSpan.FromHours(1);
                o.AggregateFlushPeriod = TimeSpan.FromMilliseconds(50);
                o.SweepPeriod = SweepPeriod;
            });
            silo.Services.Configure<ParkingOptions>(o =>
            {
                o.SweepPeriod = TimeSpan.FromHours(1);
                o.PlateRetention = TimeSpan.FromHours(1);
            });
            silo.Services.AddSingleton(Database);
            silo.Services.AddReadingLog();
            silo.Services.AddLotDeskHistory();
            silo.Services.AddSingleton<ReadingIntake>();
            silo.Services.AddSingleton<Webhooks.IWebhookSender, RecordingWebhookSender>();
        }
    }
}
