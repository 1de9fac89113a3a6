using ControlCenter.Contracts;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Sensors;
using ControlCenter.Storage;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Parking;
using ControlCenter.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// One in-process Orleans cluster for the grain tests, with memory grain storage, a real readings log on a SQLite
/// file of its own, and a fake city clock. Each test uses its own entities or moves the clock forward only, so tests
/// can share the cluster.
/// </summary>
[SetUpFixture]
public sealed class ClusterFixture
{
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.FromHours(7)));

    public static TestCluster Cluster { get; private set; } = null!;

    public static IGrainFactory Grains => Cluster.GrainFactory;

    private static readonly string DataDirectory = Directory.CreateTempSubdirectory("controlcenter-grains-test-").FullName;

    private static readonly CityDatabase Database = new(Microsoft.Extensions.Options.Options.Create(new DatabaseOptions { DataDirectory = DataDirectory }));

    /// <summary>Takes readings the way ingest does: appended to the log, then folded by their sensors.</summary>
    public static async Task<bool[]> Ingest(params SensorReading[] readings) =>
        await Cluster.GetSiloServiceProvider().GetRequiredService<ReadingIntake>().Take(readings, Clock.GetUtcNow(), CancellationToken.None);

    [OneTimeSetUp]
    public async Task Start()
    {
        await new SchemaInitializer(Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(DataDirectory, recursive: true);
    }

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddKeyedSingleton<IGrainStorage>(StorageNames.GrainStore, (_, _) => new FailingStorage());
            silo.Services.AddCityModel(TestCity.Catalog, ThresholdPacks.Defaults, Clock, o =>
            {
                o.HealthCheckPeriod = TimeSpan.FromMilliseconds(50);
                o.CheckpointPeriod = TimeSpan.FromMilliseconds(100);
                o.CheckpointMaxAge = TimeSpan.FromMilliseconds(100);
                o.AggregateFlushPeriod = TimeSpan.FromMilliseconds(50);
                // Tests run the rules and sweeps themselves, at the fake clock's times.
                o.RuleEvaluationPeriod = TimeSpan.FromHours(1);
                o.AlertSweepPeriod = TimeSpan.FromHours(1);
            });
            silo.UseInMemoryReminderService();
            silo.Services.AddSingleton(Database);
            silo.Services.AddReadingLog();
            silo.Services.AddLotDeskHistory();
            silo.Services.AddSingleton<IReadingLog>(sp => new FlakyReadingLog(new ReadingLog(sp.GetRequiredService<ReadingLogWriter>(), sp.GetRequiredService<ReadingLogReader>())));
            silo.Services.AddSingleton<ReadingIntake>();
            silo.Services.AddSingleton<Webhooks.IWebhookSender, RecordingWebhookSender>();
        }
    }
}
