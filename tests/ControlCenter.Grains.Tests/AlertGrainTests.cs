using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using static ControlCenter.Grains.Tests.AlertSamples;

namespace ControlCenter.Grains.Tests;

/// <summary>The alert lifecycle through the book and the alert grains, on the fake city clock. Each test has its own scope.</summary>
public class AlertGrainTests
{
    [Test]
    public async Task Raise_OneOpenAlertPerRuleAndScope_ARepeatBumpsTheCount()
    {
        var raise = Raise(NewScope());
        var first = await Open(raise);
        await Send(Signal(raise));
        Assert.That((await Alert(first.Id).Get())!.Count, Is.EqualTo(1), "still the same firing: not a repeat");

        await Send(Cleared(raise.Key), Signal(raise with { At = Now }));
        var alert = (await Alert(first.Id).Get())!;
        Assert.That(alert.Count, Is.EqualTo(2));
        Assert.That(alert.Timeline.Select(t => t.Action), Is.EqualTo(new[] { "raised", "condition-cleared", "repeated" }));
        Assert.That((await Book.Active()).Count(a => a.Key == raise.Key), Is.EqualTo(1));
    }

    [Test]
    public async Task Acknowledge_TwoRespondersAtOnce_OneWins_TheOtherLearnsWho()
    {
        var alert = await Open(Raise(NewScope()));
        var results = await Task.WhenAll(Alert(alert.Id).Acknowledge("lan", null), Alert(alert.Id).Acknowledge("minh", "on my way"));
        var won = results.Single(r => r.Refusal == AlertRefusal.None);
        var lost = results.Single(r => r.Refusal == AlertRefusal.Conflict);
        Assert.That(lost.Alert!.AcknowledgedBy, Is.EqualTo(won.Alert!.AcknowledgedBy));
        Assert.That(lost.Detail, Does.Contain(won.Alert.AcknowledgedBy));
        Assert.That(won.Alert.Status, Is.EqualTo(AlertStatus.Acknowledged));
    }

    [Test]
    public async Task Sop_StepsAreTickedByNameAndTime_AndUnknownStepsRefused()
    {
        var alert = await Open(Raise(NewScope()));
        Assert.That(alert.Sop, Has.Count.EqualTo(AlertRules.Get(AlertRules.FloodDepth).Sop.Count));
        var ticked = await Alert(alert.Id).TickSop(2, true, "lan");
        var step = ticked.Alert!.Sop[1];
        Assert.That((step.Done, step.By, step.At), Is.EqualTo((true, "lan", (DateTimeOffset?)Now)));
        Assert.That(step.Text, Is.Not.Empty);
        Assert.That(step.TextEn, Is.Not.Empty);
        Assert.That((await Alert(alert.Id).TickSop(99, true, "lan")).Refusal, Is.EqualTo(AlertRefusal.Invalid));
        Assert.That((await Alert(alert.Id).TickSop(2, false, "minh")).Alert!.Sop[1].Done, Is.False);
    }

    [Test]
    public async Task ManualResolve_ClosesIt_ASecondResolveConflicts_TheNextRaiseIsANewAlert()
    {
        var raise = Raise(NewScope());
        var alert = await Open(raise);
        await Alert(alert.Id).AddNote("lan", "pump on site");
        var resolved = await Alert(alert.Id).Resolve("lan", "water pumped out");
        Assert.That((resolved.Alert!.Status, resolved.Alert.Resolution, resolved.Alert.ResolvedBy), Is.EqualTo((AlertStatus.Resolved, "manual", "lan")));
        Assert.That((await Alert(alert.Id).Resolve("minh", "again")).Refusal, Is.EqualTo(AlertRefusal.Conflict));
        Assert.That((await Alert(alert.Id).Acknowledge("minh", null)).Refusal, Is.EqualTo(AlertRefusal.Conflict));

        var next = await Open(raise with { At = Now });
        Assert.That(next.Id, Is.Not.EqualTo(alert.Id));
        Assert.That(next.Count, Is.EqualTo(1));
    }

    [Test]
    public async Task AutoResolve_MarksItAuto_AndFreesTheKey()
    {
        var raise = Raise(NewScope());
        var alert = await Open(raise);
        await Send(Resolved(raise.Key));
        var resolved = (await Alert(alert.Id).Get())!;
        Assert.That((resolved.Status, resolved.Resolution, resolved.ResolvedBy), Is.EqualTo((AlertStatus.Resolved, "auto", AlertActors.System)));
        Assert.That(await Book.Active(), Has.None.Matches<Alert>(a => a!.Key == raise.Key));
        Assert.That(await Book.Query(new AlertQuery(AlertStatus.Resolved, null, "zone-test", null, 1000)), Has.Some.Matches<Alert>(a => a!.Id == alert.Id));
    }

    [Test]
    public async Task Timeline_IsInTheOrderThingsHappened()
    {
        var alert = await Open(Raise(NewScope()));
        await Alert(alert.Id).Acknowledge("lan", "seen");
        ClusterFixture.Clock.Advance(TimeSpan.FromSeconds(1));
        await Alert(alert.Id).AddNote("lan", "crew sent");
        await Alert(alert.Id).TickSop(1, true, "lan");
        await Alert(alert.Id).Resolve("lan", "done");
        var timeline = (await Alert(alert.Id).Get())!.Timeline;
        Assert.That(timeline.Select(t => t.Action), Is.EqualTo(new[] { "raised", "acknowledged", "note", "sop-done", "resolved" }));
        Assert.That(timeline.Select(t => t.At), Is.Ordered);
        Assert.That(timeline[2].Note, Is.EqualTo("crew sent"));
    }

    [Test]
    public async Task Escalation_OneLevelPerWindowUnacknowledged_StopsWhenAcknowledged()
    {
        // Critical alerts escalate every 5 minutes by default.
        var alert = await Open(Raise(NewScope(), severity: Severities.Critical));
        var grain = Alert(alert.Id);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(4));
        await grain.CheckEscalation();
        Assert.That((await grain.Get())!.EscalationLevel, Is.Zero);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));
        await grain.CheckEscalation();
        Assert.That((await grain.Get())!.EscalationLevel, Is.EqualTo(1));
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(5));
        await grain.CheckEscalation();
        var twice = (await grain.Get())!;
        Assert.That(twice.EscalationLevel, Is.EqualTo(2));
        Assert.That(twice.Timeline.Count(t => t.Action == "escalated"), Is.EqualTo(2));

        await grain.Acknowledge("lan", null);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(20));
        await grain.CheckEscalation();
        Assert.That((await grain.Get())!.EscalationLevel, Is.EqualTo(2));
    }

    [Test]
    public async Task Silence_RecordsButHoldsBackTheAlert_UntilItExpiresByItself()
    {
        var scope = NewScope();
        var silence = await Book.AddSilence(new Silence("", new SilenceMatcher(null, null, scope, null), Now.AddMinutes(30), "maintenance", "op", Now));
        var alert = await Open(Raise(scope, severity: Severities.Critical));
        Assert.That(alert.Suppressed, Is.EqualTo(new AlertSuppression("silence", silence.Id)));

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(10));
        await Alert(alert.Id).CheckEscalation();
        Assert.That((await Alert(alert.Id).Get())!.EscalationLevel, Is.Zero, "a silenced alert does not escalate");

        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(21));
        await Send();
        var resumed = (await Alert(alert.Id).Get())!;
        Assert.That(resumed.Suppressed, Is.Null);
        Assert.That(resumed.Timeline.Select(t => t.Action), Does.Contain("silenced").And.Contain("notifications-resumed"));
        Assert.That(await Book.Silences(), Has.None.Matches<Silence>(s => s!.Id == silence.Id));
    }

    [Test]
    public async Task ZoneOutage_InhibitsTheSensorsOwnAlerts_WhileOpen()
    {
        var (a, b, c) = (NewScope(), NewScope(), NewScope());
        var outage = await Open(Raise("zone-test-" + a, AlertRules.ZoneOutage, Severities.Major, a, b, c));
        var own = await Open(Raise(a, AlertRules.SensorSilent, Severities.Warning));
        Assert.That(own.Suppressed, Is.EqualTo(new AlertSuppression("inhibition", outage.Id)));
        var unrelated = await Open(Raise(NewScope(), AlertRules.SensorSilent, Severities.Warning));
        Assert.That(unrelated.Suppressed, Is.Null);

        await Send(Resolved(outage.Key));
        Assert.That((await Alert(own.Id).Get())!.Suppressed, Is.Null, "the outage is over: its sensors' alerts notify again");
    }

    [Test]
    public async Task Zone_RunsItsRules_LowOxygenRaisesACriticalAlertWithEvidence()
    {
        await ClusterFixture.Ingest(new SensorReading("water-b", Now, new Dictionary<string, double> { ["do"] = 1.5, ["bod5"] = 3 }));
        var zone = ClusterFixture.Grains.GetGrain<IZoneGrain>("zone-b");
        await Eventually.Until(async () =>
        {
            await zone.EvaluateRules();
            return await Book.Active();
        }, active => active.Any(x => x.Key == "water.do-low/water-b"), "the zone picks up the sensor's change and raises the alert");
        var alert = (await Book.Active()).Single(x => x.Key == "water.do-low/water-b");
        Assert.That((alert.Severity, alert.ZoneId, alert.Title), Is.EqualTo((Severities.Critical, "zone-b", "Ôxy hòa tan thấp ở Hồ Tây")));
        Assert.That(alert.Evidence.Single(), Is.EqualTo(new AlertEvidence("water-b", "do", 1.5, Now)));
    }
}
