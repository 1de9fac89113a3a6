using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Webhooks;

/// <summary>
/// One subscription's outbox: deliveries leave one at a time, in the order their alert changes were handed off, so a
/// later change of an alert never overtakes an earlier one (the head is delivered or dead-lettered first). The HTTP
/// work runs off the grain (WebhookOutboxGrain.Sending.cs), so queueing and admin calls are never held up by a
/// receiver that is slow or down.
/// </summary>
public sealed partial class WebhookOutboxGrain(
    [PersistentState(StorageNames.WebhookOutboxState, StorageNames.GrainStore)] IPersistentState<WebhookOutboxState> store,
    IWebhookSender sender,
    CityClock clock,
    ILogger<WebhookOutboxGrain> logger) : Grain, IWebhookOutboxGrain, IDisposable
{
    public const int MaxDeadLetters = 1000;

    /// <summary>How long the version mark of a resolved alert is kept to drop a repeated hand-off (after that only the receiver's own dedupe by key remains).</summary>
    private static readonly TimeSpan FinalMarkKept = TimeSpan.FromDays(2);

    public async Task Enqueue(WebhookSubscription subscription, IReadOnlyList<AlertNotification> notifications)
    {
        var now = clock.Now;
        var queued = new Dictionary<string, QueuedMark>(store.State.Queued);
        var pending = store.State.Pending.ToList();
        foreach (var n in notifications)
        {
            if (queued.TryGetValue(n.Alert.Id, out var mark) && mark.Version >= n.Alert.Version) continue;
            queued[n.Alert.Id] = new QueuedMark(n.Alert.Version, now, n.Event == WebhookEvents.Resolved);
            pending.Add(new WebhookDelivery { Id = n.DeliveryId(subscription.Id), Notification = n, EnqueuedAt = now });
        }

        foreach (var old in queued.Where(kv => kv.Value.Final && now - kv.Value.At > FinalMarkKept).Select(kv => kv.Key).ToList()) queued.Remove(old);
        await store.WriteOrRevert(store.State with { Subscription = subscription, Pending = pending, Queued = queued }, this);
        Pump();
    }

    public async Task Wake(WebhookSubscription subscription)
    {
        if (store.State.Subscription != subscription) await store.WriteOrRevert(store.State with { Subscription = subscription }, this);
        Pump();
    }

    public async Task Retire()
    {
        StopSending();
        await store.ClearStateAsync();
        store.State = new WebhookOutboxState();
        DeactivateOnIdle();
    }

    public Task<WebhookOutboxStatus> Status() =>
        Task.FromResult(new WebhookOutboxStatus(store.State.Pending.Count, store.State.DeadLetters.Count, store.State.Delivered, store.State.LastDeliveredAt));

    public Task<WebhookDelivery[]> DeadLetters() => Task.FromResult(store.State.DeadLetters.ToArray());

    public async Task<int> Replay(string? deliveryId)
    {
        var replayed = store.State.DeadLetters.Where(d => deliveryId is null || d.Id == deliveryId).ToList();
        if (replayed.Count == 0) return 0;
        // Back at the end of the queue: a replayed change may arrive after a later change of its alert (receivers order by alert version).
        await store.WriteOrRevert(store.State with
        {
            DeadLetters = [.. store.State.DeadLetters.Except(replayed)],
            Pending = [.. store.State.Pending, .. replayed.Select(d => d with { DeadLetteredAt = null, LastError = null })],
        }, this);
        Pump();
        return replayed.Count;
    }

    public async Task Completed(string deliveryId, WebhookAttemptOutcome outcome)
    {
        if (store.State.Pending is not [var head, ..] || head.Id != deliveryId) return;
        var done = head with { Attempts = head.Attempts + outcome.Attempts, LastError = outcome.Error };
        var rest = store.State.Pending.Skip(1).ToList();
        if (outcome.Delivered)
        {
            await store.WriteOrRevert(store.State with { Pending = rest, Delivered = store.State.Delivered + 1, LastDeliveredAt = clock.Now }, this);
        }
        else
        {
            logger.LogWarning("Webhook {SubscriptionId}: delivery {DeliveryId} dead-lettered after {Attempts} attempt(s): {Error}",
                this.GetPrimaryKeyString(), deliveryId, done.Attempts, outcome.Error);
            var dead = store.State.DeadLetters.Append(done with { DeadLetteredAt = clock.Now }).TakeLast(MaxDeadLetters);
            await store.WriteOrRevert(store.State with { Pending = rest, DeadLetters = [.. dead] }, this);
        }

        FinishedSending(deliveryId);
        Pump();
    }
}
