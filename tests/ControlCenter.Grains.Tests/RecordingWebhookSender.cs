using System.Collections.Concurrent;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Webhooks;

namespace ControlCenter.Grains.Tests;

/// <summary>Stands in for the host's HTTP sender: records each delivery handed to it and reports it delivered.</summary>
public sealed class RecordingWebhookSender : IWebhookSender
{
    public static ConcurrentQueue<WebhookDelivery> Sent { get; } = new();

    public Task<WebhookAttemptOutcome> Send(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        Sent.Enqueue(delivery);
        return Task.FromResult(new WebhookAttemptOutcome(true, 1, null));
    }

    public static string?[] EventsOf(string alertId) =>
        [.. Sent.Where(d => d.Notification.Alert.Id == alertId).Select(d => d.Notification.Event)];
}
