using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Webhooks;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Alerts;

/// <summary>
/// The alert's side of webhook notifications: a transactional outbox. The notification is written in the same
/// state row as the change it tells of, then handed to the webhook directory, then removed. A crash anywhere in
/// between leaves it in the outbox, and it is handed off again when the alert next activates (the alert book
/// activates every listed alert at start-up); the subscriptions' outboxes drop the repeat by alert version.
/// </summary>
public sealed partial class AlertGrain
{
    private static readonly TimeSpan HandOffRetryPeriod = TimeSpan.FromSeconds(10);

    private IGrainTimer? _handOffRetry;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Left over from a process that stopped between the write and the hand-off: send it on, off the activation path.
        if (store.State.Outbox.Count > 0) RetryHandOffSoon(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private AlertGrainState WithNotification(AlertGrainState state, Alert? before, Alert after)
    {
        if (AlertEvents.Of(before, after, state.Announced) is not { } kind) return state;
        return state with
        {
            Outbox = [.. state.Outbox, new AlertNotification(kind, after, clock.Now)],
            Announced = state.Announced || kind == WebhookEvents.Raised,
        };
    }

    /// <summary>Never throws: the change is written and stands; what could not be handed off waits in the outbox.</summary>
    private async Task HandOffNotifications()
    {
        var handed = store.State.Outbox;
        if (handed.Count == 0) return;
        try
        {
            await GrainFactory.GetGrain<IWebhookDirectoryGrain>(0).Notify(handed);
            // Only appended to while this runs (the grain is not reentrant), so the taken ones are the first.
            await store.WriteOrRevert(store.State with { Outbox = [.. store.State.Outbox.Skip(handed.Count)] }, this);
            if (store.State.Outbox.Count == 0 && _handOffRetry is not null)
            {
                _handOffRetry.Dispose();
                _handOffRetry = null;
            }
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Alert {AlertId}: {Count} webhook notification(s) wait in its outbox; handing off again in {Period}",
                this.GetPrimaryKeyString(), handed.Count, HandOffRetryPeriod);
            RetryHandOffSoon(HandOffRetryPeriod);
        }
    }

    private void RetryHandOffSoon(TimeSpan due) =>
        _handOffRetry ??= this.RegisterGrainTimer(HandOffNotifications, new GrainTimerCreationOptions(due, HandOffRetryPeriod) { KeepAlive = true });
}
