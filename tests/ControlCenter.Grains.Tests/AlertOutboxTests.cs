using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain.Alerts;
using ControlCenter.Grains.Alerts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using static ControlCenter.Grains.Tests.AlertSamples;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// The alert's transactional outbox: a notification is written with its change and survives a hand-off that fails
/// (as if the process died right after the write); the next activation hands it off and it is sent, in order.
/// </summary>
public class AlertOutboxTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private static FailingStorage Storage => (FailingStorage)ClusterFixture.Cluster.GetSiloServiceProvider().GetRequiredKeyedService<IGrainStorage>(StorageNames.GrainStore);

    private static async Task<(string Zone, string SubscriptionId)> Subscribe()
    {
        var zone = "wz-" + Guid.NewGuid().ToString("N")[..8];
        var subscription = await ClusterFixture.Grains.GetGrain<IWebhookDirectoryGrain>(0).Add(new WebhookSubscription
        {
            Id = "", Url = "http://127.0.0.1:9/unused", Secret = "grain-test-secret-123", Matcher = new WebhookMatcher(null, zone, null, null),
        });
        return (zone, subscription.Id);
    }

    private static Task<Alert> RaiseIn(string zone, string severity = Severities.Major) =>
        Book.RaiseManual(new AlertRaise { RuleId = AlertRules.Manual, Scope = NewScope(), ZoneId = zone, Severity = severity, At = Now, Title = "t", TitleEn = "t" });

    [Test]
    public async Task HandOff_OutboxCannotTakeIt_StaysInTheAlertsRow_AndIsSentAfterReactivation()
    {
        var (zone, hook) = await Subscribe();
        FailingStorage.FailWritesOf[hook] = true;
        Alert alert;
        try
        {
            alert = await RaiseIn(zone);
            var stored = (AlertGrainState?)Storage.Stored(StorageNames.AlertState, alert.Id);
            Assert.That(stored?.Outbox.Select(n => n.Event), Is.EqualTo(new[] { WebhookEvents.Raised }), "written with the change");
        }
        finally
        {
            FailingStorage.FailWritesOf.TryRemove(hook, out _);
        }

        await Restart(Alert(alert.Id));
        await Alert(alert.Id).Get();

        await Eventually.Until(() => Task.FromResult(RecordingWebhookSender.EventsOf(alert.Id)), e => e.Length == 1, "the re-handed-off raise to be sent", Wait);
        await Eventually.Until(() => Task.FromResult(((AlertGrainState?)Storage.Stored(StorageNames.AlertState, alert.Id))?.Outbox.Count), n => n == 0,
            "the alert's outbox to empty", Wait);
        Assert.That(RecordingWebhookSender.Sent.Single(d => d.Notification.Alert.Id == alert.Id).Id, Is.EqualTo($"{hook}:{alert.Id}:1"));
    }

    [Test]
    public async Task Lifecycle_WithEscalation_IsSentInOrder_Once()
    {
        var (zone, _) = await Subscribe();
        var alert = await RaiseIn(zone, Severities.Critical);

        // Critical alerts escalate every 5 minutes unacknowledged.
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(6));
        await Alert(alert.Id).CheckEscalation();
        await Alert(alert.Id).AddNote("lan", "not an event");
        await Alert(alert.Id).Acknowledge("lan", null);
        await Alert(alert.Id).Resolve("lan", "done");

        var expected = new[] { WebhookEvents.Raised, WebhookEvents.Escalated, WebhookEvents.Acknowledged, WebhookEvents.Resolved };
        await Eventually.Until(() => Task.FromResult(RecordingWebhookSender.EventsOf(alert.Id)), e => e.SequenceEqual(expected), "the four events in order", Wait);
    }
}
