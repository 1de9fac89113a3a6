using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Wall.Handover;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The shift handover as a pure function of stored alerts and a window (no host): shifts, classes, who did what.</summary>
public class HandoverTests
{
    /// <summary>01/12/2026 14:00 in Hanoi (UTC+7).</summary>
    private static readonly DateTimeOffset Afternoon = new(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Hanoi(int day, int hour, int minute = 0) => new(2026, 12, day, hour, minute, 0, TimeSpan.FromHours(7));

    [TestCase(1, 14, 0, 1, 6)]
    [TestCase(1, 6, 30, 30, 18)]
    [TestCase(1, 7, 0, 1, 6)]
    [TestCase(1, 18, 45, 1, 6)]
    [TestCase(1, 23, 0, 1, 18)]
    [TestCase(2, 3, 0, 1, 18)]
    public void Default_IsTheShiftUnderWay_OrTheOneJustEndedInANewShiftsFirstHour(int day, int hour, int minute, int startDay, int startHour)
    {
        var now = Hanoi(day, hour, minute);
        var expected = startDay == 30 ? new DateTimeOffset(2026, 11, 30, startHour, 0, 0, TimeSpan.FromHours(7)) : Hanoi(startDay, startHour);
        Assert.That(ShiftWindow.Default(now), Is.EqualTo(new ShiftWindow(expected, now)));
    }

    [Test]
    public void Parse_ReadsHanoiTimes_AndRefusesWhatIsNotAWindow()
    {
        var window = ShiftWindow.Parse("2026-12-01T06:00", "2026-12-01T12:30", null, Afternoon, out var problem);
        Assert.That((window, problem), Is.EqualTo((new ShiftWindow(Hanoi(1, 6), Hanoi(1, 12, 30)), (string?)null)));
        Assert.That(ShiftWindow.Parse(null, null, 12, Afternoon, out _), Is.EqualTo(new ShiftWindow(Afternoon.AddHours(-12), Afternoon)));
        // A "to" in the future reads as now: a handover cannot tell what has not happened.
        Assert.That(ShiftWindow.Parse("2026-12-01T06:00", "2026-12-02T06:00", null, Afternoon, out _)!.To, Is.EqualTo(Afternoon));

        Assert.That((ShiftWindow.Parse("yesterday", null, null, Afternoon, out problem), problem), Is.EqualTo(((ShiftWindow?)null, "format")));
        Assert.That((ShiftWindow.Parse("2026-12-01T13:00", "2026-12-01T12:00", null, Afternoon, out problem), problem), Is.EqualTo(((ShiftWindow?)null, "range")));
        Assert.That((ShiftWindow.Parse("2026-10-01T06:00", null, null, Afternoon, out problem), problem), Is.EqualTo(((ShiftWindow?)null, "range")));
        Assert.That((ShiftWindow.Parse(null, null, 0, Afternoon, out problem), problem), Is.EqualTo(((ShiftWindow?)null, "hours")));
    }

    private static Alert Alert(string id, DateTimeOffset raised, params TimelineEntry[] later) => new()
    {
        Id = id, RuleId = "flood.depth", Scope = id, Title = id, TitleEn = id, Severity = "major", RaisedAt = raised,
        Timeline = [new TimelineEntry(raised, AlertActors.System, "raised", "major"), .. later],
    };

    [Test]
    public void Build_TellsRaisedAcknowledgedResolvedAndOpen_WithWhoDidWhat()
    {
        var window = new ShiftWindow(Hanoi(1, 6), Hanoi(1, 14));
        var carriedOver = Alert("al-1", Hanoi(1, 2)) with
        {
            Status = AlertStatus.Acknowledged, AcknowledgedAt = Hanoi(1, 7), AcknowledgedBy = "lan",
            Timeline = [new TimelineEntry(Hanoi(1, 2), AlertActors.System, "raised", null), new TimelineEntry(Hanoi(1, 7), "lan", "acknowledged", null),
                new TimelineEntry(Hanoi(1, 7, 5), AlertActors.System, "repeated", null), new TimelineEntry(Hanoi(1, 8), "lan", "note", "đã cử đội bơm")],
        };
        var handled = Alert("al-2", Hanoi(1, 9), new TimelineEntry(Hanoi(1, 9, 10), "minh", "acknowledged", null),
            new TimelineEntry(Hanoi(1, 9, 20), "minh", "sop-done", "1. Báo đội"), new TimelineEntry(Hanoi(1, 10), "minh", "resolved", "đã rút nước")) with
        {
            Status = AlertStatus.Resolved, AcknowledgedAt = Hanoi(1, 9, 10), AcknowledgedBy = "minh", ResolvedAt = Hanoi(1, 10), ResolvedBy = "minh",
        };
        var closedBefore = Alert("al-3", Hanoi(1, 1)) with { Status = AlertStatus.Resolved, ResolvedAt = Hanoi(1, 3), ResolvedBy = "lan" };
        var quietOpen = Alert("al-4", Hanoi(1, 4));
        var resolvedAfter = Alert("al-5", Hanoi(1, 13), new TimelineEntry(Hanoi(1, 15), "lan", "resolved", "xong")) with
            { Status = AlertStatus.Resolved, ResolvedAt = Hanoi(1, 15), ResolvedBy = "lan" };
        var raisedAfter = Alert("al-6", Hanoi(1, 15));

        var report = ShiftReport.Build([carriedOver, handled, closedBefore, quietOpen, resolvedAfter, raisedAfter], window);

        Assert.That(report.Alerts.Select(a => (a.Alert.Id, a.StatusAtEnd)), Is.EquivalentTo(new[]
        {
            ("al-1", AlertStatus.Acknowledged), ("al-2", AlertStatus.Resolved), ("al-4", AlertStatus.Open), ("al-5", AlertStatus.Open),
        }));
        Assert.That((report.Raised, report.Acknowledged, report.Resolved, report.StillOpen), Is.EqualTo((2, 2, 1, 3)));
        Assert.That(report.Open.Select(a => a.Alert.Id), Is.EqualTo(new[] { "al-1", "al-4", "al-5" }), "oldest first within a severity");
        Assert.That(report.Alerts.Single(a => a.Alert.Id == "al-1").Entries.Select(e => e.Action), Is.EqualTo(new[] { "acknowledged", "note" }), "repeats left out");
        Assert.That(report.People, Is.EqualTo(new[] { new ShiftPerson("lan", 1, 1, 0, 0), new ShiftPerson("minh", 1, 0, 1, 1) }));
    }
}
