using ControlCenter.Contracts.Messages.Webhooks;

namespace ControlCenter.Grains.Webhooks;

/// <summary>One subscription's durable outbox. Fields are added with new ids, never renumbered.</summary>
[GenerateSerializer]
public sealed record WebhookOutboxState
{
    /// <summary>The subscription as the directory last passed it on (null once retired).</summary>
    [Id(0)] public WebhookSubscription? Subscription { get; init; }
    /// <summary>Waiting deliveries, oldest first; the head is the one being sent.</summary>
    [Id(1)] public List<WebhookDelivery> Pending { get; init; } = [];
    /// <summary>Deliveries the retry pipeline gave up on, oldest first, up to <see cref="WebhookOutboxGrain.MaxDeadLetters"/>.</summary>
    [Id(2)] public List<WebhookDelivery> DeadLetters { get; init; } = [];
    /// <summary>For each alert, the highest version queued and when: a repeated hand-off of it is dropped.</summary>
    [Id(3)] public Dictionary<string, QueuedMark> Queued { get; init; } = [];
    [Id(4)] public long Delivered { get; init; }
    [Id(5)] public DateTimeOffset? LastDeliveredAt { get; init; }
}

[GenerateSerializer, Immutable]
public sealed record QueuedMark([property: Id(0)] long Version, [property: Id(1)] DateTimeOffset At, [property: Id(2)] bool Final);
