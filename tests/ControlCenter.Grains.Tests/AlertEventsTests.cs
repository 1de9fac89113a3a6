using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Webhooks;

namespace ControlCenter.Grains.Tests;

/// <summary>Which webhook event each alert change is; suppressed alerts stay quiet (pure, no silo).</summary>
public class AlertEventsTests
{
    private static readonly Alert Open = new() { Id = "al-1", RuleId = "manual", Scope = "s", Title = "t", TitleEn = "t", Severity = "major", Version = 1 };
    private static readonly AlertSuppression Silence = new("silence", "si-1");

    [Test]
    public void Of_NewUnsuppressedAlert_IsRaised() =>
        Assert.That(AlertEvents.Of(null, Open, announced: false), Is.EqualTo(WebhookEvents.Raised));

    [Test]
    public void Of_NewSuppressedAlert_IsNothing() =>
        Assert.That(AlertEvents.Of(null, Open with { Suppressed = Silence }, announced: false), Is.Null);

    [Test]
    public void Of_SuppressionLiftedFromAnUnannouncedAlert_IsRaised() =>
        Assert.That(AlertEvents.Of(Open with { Suppressed = Silence }, Open, announced: false), Is.EqualTo(WebhookEvents.Raised));

    [Test]
    public void Of_SuppressionLiftedFromAnAnnouncedAlert_IsNothing() =>
        Assert.That(AlertEvents.Of(Open with { Suppressed = Silence }, Open, announced: true), Is.Null);

    [Test]
    public void Of_Acknowledge_IsAcknowledged() =>
        Assert.That(AlertEvents.Of(Open, Open with { Status = AlertStatus.Acknowledged }, announced: true), Is.EqualTo(WebhookEvents.Acknowledged));

    [Test]
    public void Of_AcknowledgeWhileSuppressed_IsNothing() =>
        Assert.That(AlertEvents.Of(Open with { Suppressed = Silence }, Open with { Status = AlertStatus.Acknowledged, Suppressed = Silence }, announced: true), Is.Null);

    [Test]
    public void Of_LevelUp_IsEscalated() =>
        Assert.That(AlertEvents.Of(Open, Open with { EscalationLevel = 1 }, announced: true), Is.EqualTo(WebhookEvents.Escalated));

    [Test]
    public void Of_NoteOrRepeat_IsNothing() =>
        Assert.That(AlertEvents.Of(Open, Open with { Count = 2, Timeline = [new TimelineEntry(DateTimeOffset.UnixEpoch, "x", "note", "n")] }, announced: true), Is.Null);

    [TestCase(true, WebhookEvents.Resolved)]
    [TestCase(false, null)]
    public void Of_Resolve_IsResolvedOnlyIfRaisedWasTold(bool announced, string? expected) =>
        Assert.That(AlertEvents.Of(Open with { Suppressed = Silence }, Open with { Status = AlertStatus.Resolved, Suppressed = Silence }, announced), Is.EqualTo(expected));

    [Test]
    public void Of_ChangeAfterResolved_IsNothing()
    {
        var resolved = Open with { Status = AlertStatus.Resolved };
        Assert.That(AlertEvents.Of(resolved, resolved with { Version = 5 }, announced: true), Is.Null);
    }
}
