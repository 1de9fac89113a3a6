namespace ControlCenter.Contracts.Messages.Webhooks;

/// <summary>One alert change worth telling subscribers: the event and the alert as that change left it.</summary>
[GenerateSerializer, Immutable]
public sealed record AlertNotification([property: Id(0)] string Event, [property: Id(1)] Alert Alert, [property: Id(2)] DateTimeOffset At)
{
    /// <summary>The idempotency key of this change's delivery to one subscription: the same on every resend.</summary>
    public string DeliveryId(string subscriptionId) => $"{subscriptionId}:{Alert.Id}:{Alert.Version}";
}
