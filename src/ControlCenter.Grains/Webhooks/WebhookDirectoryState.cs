using ControlCenter.Contracts.Messages.Webhooks;

namespace ControlCenter.Grains.Webhooks;

/// <summary>The webhook directory's persisted state. Fields are added with new ids, never renumbered.</summary>
[GenerateSerializer]
public sealed record WebhookDirectoryState
{
    [Id(0)] public List<WebhookSubscription> Subscriptions { get; init; } = [];
    [Id(1)] public long LastNumber { get; init; }
}
