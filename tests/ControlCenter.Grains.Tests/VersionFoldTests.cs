using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// A sensor's version is not its row count: a change of health on the clock is a version of its own (subscribers
/// must see a sensor turn stale), with no reading folded. The cluster kill test once read a parking spot at version
/// 21 with 20 readings acknowledged: read more than a minute after the load ended, with the packs shortened to
/// "stale after one missed minute", the spot had turned stale. The grain counts the two apart, so a check of
/// "each row folded once" does not have to guess.
/// </summary>
public class VersionFoldTests
{
    private const string SensorId = "flood-5";   // reports every 2 minutes: stale after 3 missed intervals (default packs)

    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private static ISensorGrain Sensor => ClusterFixture.Grains.GetGrain<ISensorGrain>(SensorId);

    [Test]
    public async Task TurningStaleOnTheClock_AddsAVersionButFoldsNothing()
    {
        var readings = Enumerable.Range(0, 20).Select(i => new SensorReading(SensorId, Now.AddSeconds(i - 20), new Dictionary<string, double> { ["depthCm"] = i % 3 })).ToArray();
        await ClusterFixture.Ingest(readings);
        var fresh = await Sensor.GetFolds();
        Assert.That((await Sensor.GetState()).Status, Is.Not.EqualTo("stale"), "fresh after its readings");

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(6));
        var stale = await Eventually.Until(Sensor.GetState, s => s.Status == "stale", $"{SensorId} to turn stale after 3 missed intervals");
        var folds = await Sensor.GetFolds();
        var rows = await Rows();

        Assert.That((stale.Version, folds.Version), Is.EqualTo((fresh.Version + 1, fresh.Version + 1)), "the change of health is one version more");
        Assert.That((folds.LogSeq, folds.HealthChanges), Is.EqualTo((fresh.LogSeq, fresh.HealthChanges + 1)), "and no reading folded");
        Assert.That((folds.LogSeq, folds.ReadingsFolded), Is.EqualTo((rows, rows)), "each of its rows in the log folded once");

        await ClusterFixture.Ingest(new SensorReading(SensorId, Now, new Dictionary<string, double> { ["depthCm"] = 1 }));
        var back = await Sensor.GetFolds();
        Assert.That((back.Version, back.HealthChanges, back.ReadingsFolded), Is.EqualTo((folds.Version + 1, folds.HealthChanges, rows + 1)),
            "a reading that brings it back is a fold, and the return to ok is part of it");
    }

    [Test]
    public async Task Reactivation_ReplaysRowsAfterTheCheckpointOnce_AndKeepsTheHealthChangesItCounted()
    {
        await ClusterFixture.Ingest(new SensorReading(SensorId, Now.AddSeconds(-30), new Dictionary<string, double> { ["depthCm"] = 2 }));
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await Eventually.Until(Sensor.GetState, s => s.Status == "stale", $"{SensorId} to turn stale");
        await ClusterFixture.Ingest(new SensorReading(SensorId, Now, new Dictionary<string, double> { ["depthCm"] = 3 }));
        var before = await Sensor.GetFolds();

        await Sensor.Cast<Orleans.Core.Internal.IGrainManagementExtension>().DeactivateOnIdle();
        var after = await Sensor.GetFolds();
        var rows = await Rows();

        Assert.That(after, Is.EqualTo(before), "the same version, position and changes of health after a new activation");
        Assert.That((after.LogSeq, after.ReadingsFolded), Is.EqualTo((rows, rows)), "each of its rows in the log folded once");
    }

    private static async Task<long> Rows() =>
        (await ClusterFixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReadingLog>().ReadAfter(SensorId, 0, CancellationToken.None)).Count;
}
