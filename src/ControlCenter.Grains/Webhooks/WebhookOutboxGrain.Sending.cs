using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages.Webhooks;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Webhooks;

/// <summary>
/// Sending the head of the queue. The retry pipeline may take minutes, so it runs on the thread pool, not in a grain
/// turn, and reports back through an ordinary call (<see cref="Completed"/>) that is queued like any other: the
/// outbox's state is only ever changed inside its own turns.
/// </summary>
public sealed partial class WebhookOutboxGrain
{
    /// <summary>Picks up a send whose report never arrived, and keeps the outbox active while it has work.</summary>
    private static readonly TimeSpan PumpPeriod = TimeSpan.FromSeconds(5);

    private readonly CancellationTokenSource _deactivating = new();
    private (string DeliveryId, Task Run)? _inFlight;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        this.RegisterGrainTimer(() => { Pump(); return Task.CompletedTask; }, new GrainTimerCreationOptions(PumpPeriod, PumpPeriod) { KeepAlive = true });
        Pump();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // The delivery stays at the head of the durable queue; the next activation sends it again, same idempotency key.
        StopSending();
        return Task.CompletedTask;
    }

    private void Pump()
    {
        if (_inFlight is { Run.IsCompleted: true }) _inFlight = null;
        if (_inFlight is not null || _deactivating.IsCancellationRequested) return;
        if (store.State.Subscription is not { } subscription || store.State.Pending is not [var head, ..]) return;

        var self = this.AsReference<IWebhookOutboxGrain>();
        var token = _deactivating.Token;
        _inFlight = (head.Id, Task.Run(() => SendAndReport(self, subscription, head, token), CancellationToken.None));
    }

    private async Task SendAndReport(IWebhookOutboxGrain self, WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        WebhookAttemptOutcome outcome;
        try
        {
            outcome = await sender.Send(subscription, delivery, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            outcome = new WebhookAttemptOutcome(false, 0, $"{ex.GetType().Name}: {ex.Message}");
        }

        try
        {
            await self.Completed(delivery.Id, outcome);
        }
        catch (Exception ex)
        {
            // The head stays queued: the pump timer starts another run, and the receiver drops a repeat by its key.
            logger.LogWarning(ex, "Webhook {SubscriptionId}: could not record the outcome of {DeliveryId}", subscription.Id, delivery.Id);
        }
    }

    public void Dispose() => _deactivating.Dispose();

    private void FinishedSending(string deliveryId)
    {
        if (_inFlight?.DeliveryId == deliveryId) _inFlight = null;
    }

    private void StopSending()
    {
        _deactivating.Cancel();
        _inFlight = null;
    }
}
