using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Grains.Sensors;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Storage;

namespace ControlCenter.Grains.Tests;

public class SensorGrainTests
{
    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private static SensorReading Reading(string sensor, DateTimeOffset ts, string metric, double value) =>
        new(sensor, ts, new Dictionary<string, double> { [metric] = value });

    private static ISensorGrain Sensor(string id) => ClusterFixture.Grains.GetGrain<ISensorGrain>(id);

    [Test]
    public async Task Ingest_NewReading_UpdatesValuesAndVersion()
    {
        var before = await Sensor("flood-2").GetState();

        var appended = await ClusterFixture.Ingest(Reading("flood-2", Now, "depthCm", 25));
        var after = await Sensor("flood-2").GetState();

        Assert.That(appended, Is.EqualTo(new[] { true }));
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
        Assert.That(after.Values["depthCm"], Is.EqualTo(25));
        Assert.That(after.Derived["floodLevel"], Is.EqualTo("major"));
        Assert.That(after.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task Ingest_SameTimestampAgain_IsDuplicateAndChangesNothing()
    {
        var ts = Now;
        await ClusterFixture.Ingest(Reading("rain-1", ts, "rainMm", 3));
        var before = await Sensor("rain-1").GetState();

        var appended = await ClusterFixture.Ingest(Reading("rain-1", ts, "rainMm", 50));
        var after = await Sensor("rain-1").GetState();

        Assert.That(appended, Is.EqualTo(new[] { false }));
        Assert.That((after.Version, after.Values["rainMm"]), Is.EqualTo((before.Version, before.Values["rainMm"])));
    }

    [Test]
    public async Task Ingest_RainOverWindows_SumsEachWindow()
    {
        var end = Now.AddSeconds(1);
        await ClusterFixture.Ingest(
            Reading("rain-1", end.AddMinutes(-90), "rainMm", 7),
            Reading("rain-1", end.AddMinutes(-40), "rainMm", 5),
            Reading("rain-1", end.AddMinutes(-10), "rainMm", 6),
            Reading("rain-1", end, "rainMm", 4));

        var state = await Sensor("rain-1").GetState();
        Assert.That(state.Derived["rain30MinMm"], Is.EqualTo(10.0));
        Assert.That(state.Derived["rain1hMm"], Is.EqualTo(15.0));
        Assert.That((double)state.Derived["rain3hMm"]!, Is.GreaterThanOrEqualTo(22.0));
    }

    [Test]
    public async Task Ingest_VisitorCounts_GiveCrowdingAndVisitorsPerHour()
    {
        var end = Now.AddSeconds(1);
        await ClusterFixture.Ingest(
            new SensorReading("visitors-1", end.AddMinutes(-90), new Dictionary<string, double> { ["entries"] = 400, ["present"] = 100 }),
            new SensorReading("visitors-1", end.AddMinutes(-30), new Dictionary<string, double> { ["entries"] = 120, ["present"] = 150 }),
            new SensorReading("visitors-1", end, new Dictionary<string, double> { ["entries"] = 50, ["present"] = 170 }));

        var state = await Sensor("visitors-1").GetState();
        Assert.Multiple(() =>
        {
            // Only the entries of the last hour count: the 400 of 90 minutes ago do not.
            Assert.That(state.Derived["visitorsPerHour"], Is.EqualTo(170));
            Assert.That(state.Derived["crowding"], Is.EqualTo("crowded"));
            Assert.That(state.Derived["crowdingRatio"], Is.EqualTo(0.85));
            Assert.That(state.Derived["capacity"], Is.EqualTo(200));
            Assert.That(state.Status, Is.EqualTo("warning"));
        });
    }

    [Test]
    public async Task Backfill_InsideTheRainWindow_CountsInTheWindowsItFallsIn()
    {
        var now = Now;
        await ClusterFixture.Ingest(Reading("rain-2", now, "rainMm", 2));

        // A gateway back after an outage sends what it measured meanwhile: 2 h old (inside 3 h), then 26 h old.
        var appended = await ClusterFixture.Ingest(Reading("rain-2", now.AddHours(-2), "rainMm", 9), Reading("rain-2", now.AddHours(-26), "rainMm", 40));
        var state = await Sensor("rain-2").GetState();

        Assert.That(appended, Is.EqualTo(new[] { true, true }), "backfilled readings are accepted and stored");
        Assert.That((state.Derived["rain1hMm"], state.Derived["rain3hMm"]), Is.EqualTo((2.0, 11.0)), "the 2-h reading counts in 3 h only; the 26-h one in none");
        Assert.That((state.Values["rainMm"], state.Ts), Is.EqualTo((2.0, now)), "live values keep the newest reading");
    }

    [Test]
    public async Task Backfill_OfAirHours_CompletesTheNowCast()
    {
        var now = Now;
        await ClusterFixture.Ingest(Reading("air-2", now, "pm25", 100));
        Assert.That((await Sensor("air-2").GetState()).Derived, Contains.Key("aqiUnavailable"), "one hour of PM is not enough for NowCast");

        await ClusterFixture.Ingest(Reading("air-2", now.AddHours(-1), "pm25", 100), Reading("air-2", now.AddHours(-2), "pm25", 100));
        var state = await Sensor("air-2").GetState();

        // NowCast of a steady 100 µg/m³ is 100: between 80 (150) and 150 (200) → 150 + 50·20/70 = 164.
        Assert.That(state.Derived["aqi"], Is.EqualTo(164));
        Assert.That(state.Derived["aqiCategory"], Is.EqualTo("Xấu"));
        Assert.That(state.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task Apply_AfterAGap_FoldsTheMissingRowsFromTheLogFirst()
    {
        var log = ClusterFixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReadingLog>();
        var first = Reading("flood-4", Now.AddSeconds(-20), "depthCm", 3);
        var second = Reading("flood-4", Now.AddSeconds(-10), "depthCm", 7);
        await Sensor("flood-4").CatchUp();
        var before = await Sensor("flood-4").GetState();
        var firstSeq = (await log.Append([first], Now, CancellationToken.None))[0];
        var secondSeq = (await log.Append([second], Now, CancellationToken.None))[0];

        // The second request's rows reach the grain before the first's.
        await Sensor("flood-4").Apply([new LoggedReading(secondSeq, second, Now)]);
        await Sensor("flood-4").Apply([new LoggedReading(firstSeq, first, Now)]);
        var after = await Sensor("flood-4").GetState();

        Assert.That(secondSeq, Is.EqualTo(firstSeq + 1));
        Assert.That((after.Version, after.Values["depthCm"]), Is.EqualTo((before.Version + 2, 7.0)), "both folded once, in log order");
    }

    [Test]
    public async Task Resend_AfterACommitWhoseAnswerWasLost_IsADuplicateThatStillReachesTheSensor()
    {
        var reading = Reading("flood-4", Now.AddSeconds(-2), "depthCm", 31);
        var before = await Sensor("flood-4").GetState();
        FlakyReadingLog.LoseAnswerOnce[(reading.SensorId, reading.Ts)] = true;
        Assert.That(async () => await ClusterFixture.Ingest(reading), Throws.InstanceOf<ReadingLogUnavailableException>(), "the first send is refused (503)");

        var resent = await ClusterFixture.Ingest(reading);
        var after = await Sensor("flood-4").GetState();

        Assert.That(resent, Is.EqualTo(new[] { false }), "the log holds it: a duplicate");
        Assert.That((after.Version, after.Values["depthCm"]), Is.EqualTo((before.Version + 1, 31.0)), "and yet the sensor folded it, once");
    }

    [Test]
    public async Task Restart_WhenNoCheckpointWasWritten_ReplaysTheLogToTheSameState()
    {
        FailingStorage.FailWritesOf["flood-3"] = true;
        EntityState before, after;
        try
        {
            await ClusterFixture.Ingest(Reading("flood-3", Now.AddSeconds(-30), "depthCm", 4));
            await ClusterFixture.Ingest(Reading("flood-3", Now.AddSeconds(-20), "depthCm", 18));
            await ClusterFixture.Ingest(Reading("flood-3", Now.AddSeconds(-25), "depthCm", 9));
            before = await Sensor("flood-3").GetState();
            await Restart(Sensor("flood-3"));
            after = await Sensor("flood-3").GetState();
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove("flood-3", out _);
        }

        Assert.That((after.Version, after.Values["depthCm"], after.Ts), Is.EqualTo((before.Version, before.Values["depthCm"], before.Ts)));
        Assert.That(after.Derived["floodLevel"], Is.EqualTo(before.Derived["floodLevel"]));
    }

    [Test]
    public async Task Restart_AfterACheckpoint_ReplaysOnlyTheRowsAfterIt()
    {
        await ClusterFixture.Ingest(Reading("flood-3", Now.AddSeconds(-5), "depthCm", 11));
        var checkpointed = await Sensor("flood-3").GetState();
        var storage = (FailingStorage)ClusterFixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);
        await Eventually.Until(() => Task.FromResult(storage.Stored(StorageNames.SensorState, "flood-3") as SensorGrainState),
            s => s?.Version == checkpointed.Version, "the background checkpoint of flood-3");
        FailingStorage.FailWritesOf["flood-3"] = true;
        EntityState after;
        try
        {
            await ClusterFixture.Ingest(Reading("flood-3", Now.AddSeconds(-1), "depthCm", 2));
            await Restart(Sensor("flood-3"));
            after = await Sensor("flood-3").GetState();
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove("flood-3", out _);
        }

        Assert.That((after.Version, after.Values["depthCm"]), Is.EqualTo((checkpointed.Version + 1, 2.0)), "the checkpoint plus the one row after it, folded once");
    }

    [Test]
    public async Task Health_WithoutReadings_GoesStaleThenOfflineOnTheClock()
    {
        await ClusterFixture.Ingest(Reading("spot-3", Now, "occupied", 1));
        Assert.That((await Sensor("spot-3").GetState()).Status, Is.EqualTo("ok"));

        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(3 * 60));
        var stale = await Eventually.Until(Sensor("spot-3").GetState, s => s.Status == "stale", "spot-3 to turn stale after 3 intervals");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(7 * 60));
        var offline = await Eventually.Until(Sensor("spot-3").GetState, s => s.Status == "offline", "spot-3 to turn offline after 10 intervals");

        Assert.That(offline.Version, Is.GreaterThan(stale.Version));
        Assert.That(offline.Derived["health"], Is.EqualTo("offline"));

        await ClusterFixture.Ingest(Reading("spot-3", Now, "occupied", 0));
        Assert.That((await Sensor("spot-3").GetState()).Status, Is.EqualTo("ok"), "a fresh reading brings it back");
    }

    /// <summary>Deactivates the grain (as a crash would, with nothing written on the way out); the next call activates it afresh.</summary>
    private static async Task Restart(ISensorGrain grain) => await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
}
