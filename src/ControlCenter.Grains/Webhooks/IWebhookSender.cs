using ControlCenter.Contracts.Messages.Webhooks;

namespace ControlCenter.Grains.Webhooks;

/// <summary>
/// Sends one delivery through the retry pipeline (the host's HTTP client). Returns how the run ended; throws only
/// when <paramref name="cancellationToken"/> is cancelled (the outbox is deactivating and will send again later).
/// </summary>
public interface IWebhookSender
{
    Task<WebhookAttemptOutcome> Send(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken);
}
