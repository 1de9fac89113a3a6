using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Tests;

public class SensorGrainTests
{
    private static DateTimeOffset Now => ClusterFixture.Clock.GetUtcNow();

    private static SensorReading Reading(string sensor, DateTimeOffset ts, string metric, double value) =>
        new(sensor, ts, new Dictionary<string, double> { [metric] = value });

    [Test]
    public async Task Ingest_NewReading_UpdatesValuesAndVersion()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("flood-2");
        var before = await grain.GetState();

        var outcomes = await grain.Ingest([Reading("flood-2", Now, "depthCm", 25)]);
        var after = await grain.GetState();

        Assert.That(outcomes, Is.EqualTo(new[] { ReadingOutcome.Accepted }));
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
        Assert.That(after.Values["depthCm"], Is.EqualTo(25));
        Assert.That(after.Derived["floodLevel"], Is.EqualTo("major"));
        Assert.That(after.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task Ingest_SameTimestampAgain_IsDuplicateAndChangesNothing()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("rain-1");
        var ts = Now;
        await grain.Ingest([Reading("rain-1", ts, "rainMm", 3)]);
        var before = await grain.GetState();

        var outcomes = await grain.Ingest([Reading("rain-1", ts, "rainMm", 50)]);
        var after = await grain.GetState();

        Assert.That(outcomes, Is.EqualTo(new[] { ReadingOutcome.Duplicate }));
        Assert.That(after, Is.EqualTo(before).Using<Contracts.Messages.EntityState>((a, b) => a.Version == b.Version && a.Values["rainMm"] == b.Values["rainMm"]));
    }

    [Test]
    public async Task Ingest_WhenTheWriteFails_ThrowsAndAResendIsAcceptedNotDuplicate()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("flood-1");
        await grain.Ingest([Reading("flood-1", Now.AddSeconds(-30), "depthCm", 1)]);
        var before = await grain.GetState();
        var reading = Reading("flood-1", Now, "depthCm", 12);

        FailingStorage.FailWritesOf["flood-1"] = true;
        try
        {
            Assert.That(async () => await grain.Ingest([reading]), Throws.InstanceOf<OrleansException>());
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove("flood-1", out _);
        }

        Assert.That((await grain.GetState()).Version, Is.EqualTo(before.Version), "a failed write changed nothing");
        Assert.That(await grain.Ingest([reading]), Is.EqualTo(new[] { ReadingOutcome.Accepted }));
        var after = await grain.GetState();
        Assert.That((after.Version, after.Values["depthCm"]), Is.EqualTo((before.Version + 1, 12.0)));
    }

    [Test]
    public async Task Ingest_RainOverWindows_SumsEachWindow()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("rain-1");
        var end = Now.AddSeconds(1);
        await grain.Ingest(
        [
            Reading("rain-1", end.AddMinutes(-90), "rainMm", 7),
            Reading("rain-1", end.AddMinutes(-40), "rainMm", 5),
            Reading("rain-1", end.AddMinutes(-10), "rainMm", 6),
            Reading("rain-1", end, "rainMm", 4),
        ]);

        var state = await grain.GetState();
        Assert.That(state.Derived["rain30MinMm"], Is.EqualTo(10.0));
        Assert.That(state.Derived["rain1hMm"], Is.EqualTo(15.0));
        Assert.That((double)state.Derived["rain3hMm"]!, Is.GreaterThanOrEqualTo(22.0));
    }

    [Test]
    public async Task Ingest_AirOverThreeHours_GivesNowCastAqiAndCategory()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("air-1");
        var now = Now;
        var first = await grain.Ingest([Reading("air-1", now, "pm25", 100)]);
        var single = await grain.GetState();
        Assert.That(first, Is.EqualTo(new[] { ReadingOutcome.Accepted }));
        Assert.That(single.Derived, Contains.Key("aqiUnavailable"), "one hour of PM is not enough for NowCast");

        await grain.Ingest([Reading("air-1", now.AddHours(-1), "pm25", 100), Reading("air-1", now.AddHours(-2), "pm25", 100)]);
        var state = await grain.GetState();

        // NowCast of a steady 100 µg/m³ is 100: between 80 (150) and 150 (200) → 150 + 50·20/70 = 164.
        Assert.That(state.Derived["aqi"], Is.EqualTo(164));
        Assert.That(state.Derived["aqiCategory"], Is.EqualTo("Xấu"));
        Assert.That(state.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task Health_WithoutReadings_GoesStaleThenOfflineOnTheClock()
    {
        var grain = ClusterFixture.Grains.GetGrain<ISensorGrain>("spot-3");
        await grain.Ingest([Reading("spot-3", Now, "occupied", 1)]);
        Assert.That((await grain.GetState()).Status, Is.EqualTo("ok"));

        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(3 * 60));
        var stale = await Eventually.Until(grain.GetState, s => s.Status == "stale", "spot-3 to turn stale after 3 intervals");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(7 * 60));
        var offline = await Eventually.Until(grain.GetState, s => s.Status == "offline", "spot-3 to turn offline after 10 intervals");

        Assert.That(offline.Version, Is.GreaterThan(stale.Version));
        Assert.That(offline.Derived["health"], Is.EqualTo("offline"));

        await grain.Ingest([Reading("spot-3", Now, "occupied", 0)]);
        Assert.That((await grain.GetState()).Status, Is.EqualTo("ok"), "a fresh reading brings it back");
    }
}
