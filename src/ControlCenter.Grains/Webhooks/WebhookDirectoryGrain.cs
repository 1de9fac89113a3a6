using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Webhooks;

/// <summary>The cluster's webhook subscriptions, and the fan-out of alert notifications to their outboxes.</summary>
public sealed class WebhookDirectoryGrain(
    [PersistentState(StorageNames.WebhookDirectoryState, StorageNames.GrainStore)] IPersistentState<WebhookDirectoryState> store,
    ILogger<WebhookDirectoryGrain> logger) : Grain, IWebhookDirectoryGrain
{
    public async Task<WebhookSubscription> Add(WebhookSubscription subscription)
    {
        var number = store.State.LastNumber + 1;
        var stored = subscription with { Id = $"wh-{number}" };
        await store.WriteOrRevert(store.State with { LastNumber = number, Subscriptions = [.. store.State.Subscriptions, stored] }, this);
        return stored;
    }

    public async Task<bool> Remove(string id)
    {
        if (store.State.Subscriptions.All(s => s.Id != id)) return false;
        await store.WriteOrRevert(store.State with { Subscriptions = [.. store.State.Subscriptions.Where(s => s.Id != id)] }, this);
        // Gone from the directory first, so nothing new reaches the outbox while it empties.
        await GrainFactory.GetGrain<IWebhookOutboxGrain>(id).Retire();
        return true;
    }

    public Task<WebhookSubscription[]> All() => Task.FromResult(store.State.Subscriptions.ToArray());

    public async Task Notify(IReadOnlyList<AlertNotification> notifications)
    {
        var handOffs = store.State.Subscriptions
            .Select(s => (Subscription: s, Wanted: notifications.Where(s.Wants).ToList()))
            .Where(x => x.Wanted.Count > 0)
            .Select(x => GrainFactory.GetGrain<IWebhookOutboxGrain>(x.Subscription.Id).Enqueue(x.Subscription, x.Wanted));
        // All or the caller tries again: the outboxes that did take them drop the repeat.
        await Task.WhenAll(handOffs);
    }

    public async Task Wake()
    {
        foreach (var subscription in store.State.Subscriptions)
        {
            try
            {
                await GrainFactory.GetGrain<IWebhookOutboxGrain>(subscription.Id).Wake(subscription);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Webhook outbox {SubscriptionId} could not be woken; the next wake tries again", subscription.Id);
            }
        }
    }
}
