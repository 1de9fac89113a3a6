using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Sensors;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// Property (durable-core.md): any interleaving of fresh, late, duplicate and failing batches — sent in any order, some
/// at once — ends with the log holding each acknowledged reading once, and the sensor's live state equal to applying
/// those readings one by one in time order.
/// </summary>
public class LogFoldPropertyTests
{
    /// <summary>One sensor of its own per generated case (TestCity has this many prop-rain-n gauges).</summary>
    public const int Cases = 40;

    private static int _nextSensor;

    /// <summary>A reading (minutes before now, mm) and how it travels: in which batch, and whether that batch's first send fails.</summary>
    public sealed record Scenario(IReadOnlyList<(int MinutesAgo, int HalfMm)> Readings, IReadOnlyList<int> BatchOf, IReadOnlyList<bool> FirstSendFails, IReadOnlyList<int> Duplicated, int Concurrency);

    [Test]
    public void AnyInterleaving_EndsAsTheTimeOrderedFoldOfTheAcknowledgedReadings()
    {
        var property = Prop.ForAll(Scenarios().ToArbitrary(), scenario => Holds(scenario, $"prop-rain-{Interlocked.Increment(ref _nextSensor) - 1}").GetAwaiter().GetResult());
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(Cases), property);
    }

    private static Gen<Scenario> Scenarios() =>
        from count in Gen.Choose(2, 14)
        from minutes in Gen.Shuffle(Enumerable.Range(1, 300).ToArray()).Select(m => m.Take(count).ToArray())
        from mm in Gen.ArrayOf(Gen.Choose(0, 40), count)
        from batches in Gen.Choose(1, 5)
        from batchOf in Gen.ArrayOf(Gen.Choose(0, batches - 1), count)
        from fails in Gen.ArrayOf(Gen.Elements(false, false, true), batches)
        from duplicated in Gen.ArrayOf(Gen.Choose(0, count - 1), batches)
        from concurrency in Gen.Choose(1, 3)
        select new Scenario([.. minutes.Zip(mm)], batchOf, fails, duplicated, concurrency);

    private static async Task<bool> Holds(Scenario scenario, string sensorId)
    {
        var now = ClusterFixture.Clock.GetUtcNow();
        SensorReading Reading((int MinutesAgo, int HalfMm) r) => new(sensorId, now.AddMinutes(-r.MinutesAgo), new Dictionary<string, double> { ["rainMm"] = r.HalfMm / 2.0 });
        var fresh = new SensorReading(sensorId, now, new Dictionary<string, double> { ["rainMm"] = 1 });
        var grain = ClusterFixture.Grains.GetGrain<Contracts.Grains.ISensorGrain>(sensorId);
        // The gauge may have changed health while silent (other tests move the clock): versions count from here. The
        // fresh reading first keeps it healthy throughout, so health adds no version of its own during the case.
        var startVersion = (await grain.GetState()).Version;
        await ClusterFixture.Ingest(fresh);

        // Each batch: its readings, plus a resend of some reading of another batch (a duplicate, possibly of one not stored yet).
        var batches = scenario.FirstSendFails.Select((_, b) => scenario.Readings.Where((_, i) => scenario.BatchOf[i] == b).Select(Reading)
            .Append(Reading(scenario.Readings[scenario.Duplicated[b]])).ToArray()).ToList();
        for (var b = 0; b < batches.Count; b++)
        {
            if (scenario.FirstSendFails[b]) FlakyReadingLog.FailOnce[(sensorId, batches[b][0].Ts)] = true;
        }

        var resends = new List<SensorReading[]>();
        foreach (var group in batches.Chunk(scenario.Concurrency))
        {
            await Task.WhenAll(group.Select(async batch =>
            {
                try { await ClusterFixture.Ingest(batch); }
                catch (ReadingLogUnavailableException) { lock (resends) resends.Add(batch); }
            }));
        }

        foreach (var batch in resends) await ClusterFixture.Ingest(batch);

        var acknowledged = scenario.Readings.Select(Reading).Append(fresh).OrderBy(r => r.Ts).ToList();
        var expected = acknowledged.Select((r, i) => new LoggedReading(i + 1, r, now))
            .Aggregate(new SensorGrainState(), (state, row) => ReadingBuffers.Apply(state, "rain", row));
        var expectedView = new SensorDerivation(new ThresholdSource(ThresholdPacks.Defaults)).Derive(TestCity.Catalog.FindSensor(sensorId)!, expected, HealthState.Ok);
        var actual = await grain.GetState();
        var log = await ClusterFixture.Cluster.GetSiloServiceProvider().GetRequiredService<IReadingLog>().ReadAfter(sensorId, 0, CancellationToken.None);

        Assert.That(log.Select(r => (r.Reading.Ts, r.Reading.Values["rainMm"])).OrderBy(r => r.Ts), Is.EqualTo(acknowledged.Select(r => (r.Ts, r.Values["rainMm"]))),
            $"{sensorId}: the log holds each acknowledged reading once");
        Assert.That(log.Select(r => r.Seq).Order(), Is.EqualTo(Enumerable.Range(1, acknowledged.Count).Select(i => (long)i)), $"{sensorId}: positions 1…n");
        Assert.That((actual.Version - startVersion, actual.Ts, actual.Values["rainMm"]), Is.EqualTo((expected.Version, expected.LastTs, expected.Values["rainMm"])),
            $"{sensorId}: one version per reading, the newest shown");
        foreach (var window in new[] { "rain30MinMm", "rain1hMm", "rain3hMm" })
            Assert.That(actual.Derived[window], Is.EqualTo(expectedView.Derived[window]), $"{sensorId}: {window}");
        return true;
    }
}
