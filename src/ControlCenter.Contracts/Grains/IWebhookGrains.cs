using ControlCenter.Contracts.Messages.Webhooks;
using Orleans.Concurrency;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// The cluster's webhook subscriptions (one grain, key 0). Alert grains hand their notifications to it; it passes
/// each on to the outbox of every subscription that wants it.
/// </summary>
public interface IWebhookDirectoryGrain : IGrainWithIntegerKey
{
    /// <summary>Stores a new subscription under a fresh id (the one given is ignored).</summary>
    Task<WebhookSubscription> Add(WebhookSubscription subscription);

    Task<bool> Remove(string id);

    [ReadOnly]
    Task<WebhookSubscription[]> All();

    /// <summary>
    /// Puts each notification into the outbox of every subscription that wants it. Safe to call again with the same
    /// notifications (outboxes drop what they already hold); throws if any outbox could not take them. Read-only, so
    /// the hand-offs of many alerts overlap; adding or removing a subscription waits for them.
    /// </summary>
    [ReadOnly]
    Task Notify(IReadOnlyList<AlertNotification> notifications);

    /// <summary>Activates every outbox, so deliveries left pending by a stopped silo go on.</summary>
    Task Wake();
}

/// <summary>
/// One subscription's durable outbox (key: the subscription id): deliveries in order, one at a time, and the dead
/// letters the retry pipeline gave up on. Being one grain activation in the cluster, it is the only sender.
/// </summary>
public interface IWebhookOutboxGrain : IGrainWithStringKey
{
    /// <summary>Queues notifications for delivery; one whose alert version was already queued is skipped.</summary>
    Task Enqueue(WebhookSubscription subscription, IReadOnlyList<AlertNotification> notifications);

    /// <summary>Starts delivering whatever is pending (after a restart).</summary>
    Task Wake(WebhookSubscription subscription);

    /// <summary>The subscription is gone: drop everything.</summary>
    Task Retire();

    Task<WebhookOutboxStatus> Status();

    Task<WebhookDelivery[]> DeadLetters();

    /// <summary>Moves one dead letter (or all, when <paramref name="deliveryId"/> is null) back into the queue.</summary>
    /// <returns>How many were queued again.</returns>
    Task<int> Replay(string? deliveryId);

    /// <summary>The sender's report on the delivery at the head of the queue.</summary>
    Task Completed(string deliveryId, WebhookAttemptOutcome outcome);
}
