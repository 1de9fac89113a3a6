using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Wall.Review;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>An alert at a past moment is read back from its stored timeline, never from its state now.</summary>
public class AlertAsOfTests
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 3, 7, 0, 0, TimeSpan.Zero);

    /// <summary>Raised major, severity up to critical at +10, escalated at +15, step 1 ticked at +20, acknowledged at +30, resolved at +60.</summary>
    private static readonly Alert Worked = new()
    {
        Id = "al-7", RuleId = "flood.depth", Scope = "fl-tran-hung-dao", Title = "Ngập", TitleEn = "Flooding",
        Severity = "critical", Status = AlertStatus.Resolved, RaisedAt = T0, LastSeenAt = T0.AddMinutes(40), Count = 2, EscalationLevel = 1,
        AcknowledgedAt = T0.AddMinutes(30), AcknowledgedBy = "responder", ResolvedAt = T0.AddMinutes(60), ResolvedBy = "operator", Resolution = "manual",
        Sop = [new SopStep(1, "Cắt đường", "Close the road", true, "responder", T0.AddMinutes(20)), new SopStep(2, "Báo", "Tell", false, null, null)],
        Evidence = [new AlertEvidence("fl-tran-hung-dao", "depthCm", 45, T0), new AlertEvidence("fl-tran-hung-dao", "depthCm", 52, T0.AddMinutes(40))],
        Timeline =
        [
            new TimelineEntry(T0, "system", "raised", "major"),
            new TimelineEntry(T0.AddMinutes(10), "system", "severity-changed", "major → critical"),
            new TimelineEntry(T0.AddMinutes(15), "system", "escalated", "level 1"),
            new TimelineEntry(T0.AddMinutes(20), "responder", "sop-done", "1. Cắt đường"),
            new TimelineEntry(T0.AddMinutes(30), "responder", "acknowledged", null),
            new TimelineEntry(T0.AddMinutes(35), "system", "condition-cleared", null),
            new TimelineEntry(T0.AddMinutes(40), "system", "repeated", null),
            new TimelineEntry(T0.AddMinutes(60), "operator", "resolved", "đã thông"),
        ],
    };

    [Test]
    public void At_BeforeItWasRaised_OrOnceResolved_IsNothing()
    {
        Assert.That(AlertAsOf.At(Worked, T0.AddSeconds(-1)), Is.Null);
        Assert.That(AlertAsOf.At(Worked, T0.AddMinutes(60)), Is.Null);
    }

    [Test]
    public void At_FiveMinutesIn_IsOpenMajor_NothingTickedYet()
    {
        var alert = AlertAsOf.At(Worked, T0.AddMinutes(5))!;

        Assert.That((alert.Status, alert.Severity, alert.EscalationLevel, alert.Count), Is.EqualTo((AlertStatus.Open, "major", 0, 1)));
        Assert.That((alert.AcknowledgedBy, alert.ResolvedAt, alert.Sop[0].Done), Is.EqualTo(((string?)null, (DateTimeOffset?)null, false)));
        Assert.That(alert.Timeline.Select(e => e.Action), Is.EqualTo(new[] { "raised" }));
        Assert.That(alert.Evidence.Select(e => e.Value), Is.EqualTo(new[] { 45.0 }), "evidence recorded after the moment is left out");
    }

    [Test]
    public void At_HalfAnHourIn_IsAcknowledgedCritical_Escalated_StepOneDone_ConditionCleared()
    {
        var alert = AlertAsOf.At(Worked, T0.AddMinutes(36))!;

        Assert.That((alert.Status, alert.AcknowledgedBy, alert.Severity, alert.EscalationLevel), Is.EqualTo((AlertStatus.Acknowledged, "responder", "critical", 1)));
        Assert.That((alert.Sop[0].Done, alert.Sop[0].By, alert.Sop[1].Done), Is.EqualTo((true, "responder", false)));
        Assert.That((alert.ConditionClearedAt, alert.Count), Is.EqualTo(((DateTimeOffset?)T0.AddMinutes(35), 1)));
        Assert.That(AlertAsOf.At(Worked, T0.AddMinutes(41))!.ConditionClearedAt, Is.Null, "the condition came back and counted a repeat");
        Assert.That(AlertAsOf.At(Worked, T0.AddMinutes(41))!.Count, Is.EqualTo(2));
    }
}
