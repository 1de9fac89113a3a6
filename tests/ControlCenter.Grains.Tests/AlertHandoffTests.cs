using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using static ControlCenter.Grains.Tests.AlertSamples;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// Zone → alert-book hand-offs: every signal takes effect once, however often a zone sends it (it sends again
/// whatever a failed call left in doubt), and a zone numbers on after its own restart.
/// </summary>
public class AlertHandoffTests
{
    [Test]
    public async Task Resend_AfterTheBookFailedPartWay_OpensNoPhantomAlert()
    {
        // An open alert whose writes will fail: the book throws when the batch reaches it.
        var blocker = await Open(Raise(NewScope()));
        var raise = Raise(NewScope());
        var batch = Numbered(Signal(raise), Resolved(raise.Key), Cleared(blocker.Key));
        await using var feed = await FeedRecorder.Start(blocker.Id, () => Alert(blocker.Id).AddNote("lan", "watching"));

        FailingStorage.FailWritesOf[blocker.Id] = true;
        try
        {
            Assert.That(async () => await Book.Apply(Zone, batch), Throws.Exception, "the book applies the raise and the resolve, then fails");
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove(blocker.Id, out _);
        }

        var resolved = (await AlertsFor(raise.Key)).Single();
        Assert.That(resolved.Status, Is.EqualTo(AlertStatus.Resolved));

        await Book.Apply(Zone, batch);

        Assert.That(await AlertsFor(raise.Key), Has.Length.EqualTo(1), "the resend opened no second alert for the key");
        Assert.That((await Alert(resolved.Id).Get())!.Version, Is.EqualTo(resolved.Version), "the resend did not touch the resolved alert");
        Assert.That((await Alert(blocker.Id).Get())!.ConditionClearedAt, Is.Not.Null, "the signal that failed is applied on the resend");
        await feed.WaitFor(blocker.Id, () => Alert(blocker.Id).AddNote("lan", "still watching"), "the feed to pass on what was published before");
        Assert.That(feed.Alerts.Where(a => a.Key == raise.Key).Select(a => a.Id).Distinct(), Is.EqualTo(new[] { resolved.Id }),
            "the feed announced no new alert for the key");
    }

    [Test]
    public async Task Apply_TheSameBatchTwice_ChangesNothingTheSecondTime()
    {
        var (first, second) = (Raise(NewScope()), Raise(NewScope(), severity: Severities.Critical));
        var batch = Numbered(Signal(first), Signal(second), Cleared(first.Key));
        await Book.Apply(Zone, batch);
        var before = await Snapshot(first.Key, second.Key);

        await Book.Apply(Zone, batch);

        Assert.That(await Snapshot(first.Key, second.Key), Is.EqualTo(before), "the same alerts, at the same versions");
        Assert.That(await Book.LastApplied(Zone), Is.EqualTo(batch[^1].Sequence));
        var alert = (await AlertsFor(first.Key)).Single();
        Assert.That(alert.Timeline.Select(t => t.Action), Is.EqualTo(new[] { "raised", "condition-cleared" }));
    }

    [Test]
    public async Task Resend_WhenTheBookCouldNotRecordTheSignal_TheAlertTakesItOnce()
    {
        var raise = Raise(NewScope());
        var alert = await Open(raise);
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        var batch = Numbered(Signal(raise with { At = Now, Severity = Severities.Critical }));

        // The alert takes the raise; the book's write that records it fails (as a crash there would lose it).
        FailingStorage.FailWritesOf[BookKey] = true;
        try
        {
            Assert.That(async () => await Book.Apply(Zone, batch), Throws.Exception);
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove(BookKey, out _);
        }

        var taken = (await Alert(alert.Id).Get())!;
        Assert.That(taken.Severity, Is.EqualTo(Severities.Critical));

        await Book.Apply(Zone, batch);

        var after = (await Alert(alert.Id).Get())!;
        Assert.That(after.Version, Is.EqualTo(taken.Version), "the same raise again changes nothing");
        Assert.That(after.Timeline.Count(t => t.Action == "severity-changed"), Is.EqualTo(1));
        Assert.That(await Book.LastApplied(Zone), Is.EqualTo(batch[0].Sequence), "recorded this time");
    }

    [Test]
    public async Task Apply_ASignalNumberedAtOrBelowTheLastApplied_IsSkipped()
    {
        var raise = Raise(NewScope());
        var late = Numbered(Signal(raise));
        await Send(Signal(Raise(NewScope())));

        await Book.Apply(Zone, late);

        Assert.That(await AlertsFor(raise.Key), Is.Empty, "a number the book has passed is already applied");
    }

    [Test]
    public async Task Zone_AfterARestart_NumbersOnFromTheBookAndItsSignalsAreApplied()
    {
        const string zoneId = "zone-b";
        const string key = "water.do-low/water-b";
        var zone = ClusterFixture.Grains.GetGrain<IZoneGrain>(zoneId);
        await Oxygen(1.5);
        var open = await Eventually.Until(async () =>
        {
            await zone.EvaluateRules();
            return (await Book.Active()).FirstOrDefault(a => a.Key == key);
        }, alert => alert is { ConditionClearedAt: null }, "the zone to raise low oxygen at water-b");
        var lastBefore = await Book.LastApplied(zoneId);
        Assert.That(lastBefore, Is.Positive, "the zone's signals are numbered");

        await Restart(zone);
        await Oxygen(6);
        // A zone that numbered from 1 again would be skipped here: the book has applied those numbers.
        await Eventually.Until(async () =>
        {
            await zone.EvaluateRules();
            return await Alert(open!.Id).Get();
        }, alert => alert!.ConditionClearedAt is not null, "the restarted zone's condition-cleared to reach the alert");

        Assert.That(await Book.LastApplied(zoneId), Is.GreaterThan(lastBefore));
    }

    /// <summary>How the test storage names the alert book (integer key 0).</summary>
    private static string BookKey => Book.GetGrainId().Key.ToString()!;

    /// <summary>A fresh reading of water-b's dissolved oxygen, a second after the last one.</summary>
    private static async Task Oxygen(double mgL)
    {
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await ClusterFixture.Ingest(new SensorReading("water-b", Now, new Dictionary<string, double> { ["do"] = mgL, ["bod5"] = 3 }));
    }

    private static async Task<(string Id, long Version)[]> Snapshot(params string[] keys)
    {
        var alerts = new List<Alert>();
        foreach (var key in keys) alerts.AddRange(await AlertsFor(key));
        return [.. alerts.Select(a => (a.Id, a.Version))];
    }
}
