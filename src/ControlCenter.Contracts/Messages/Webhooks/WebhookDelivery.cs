namespace ControlCenter.Contracts.Messages.Webhooks;

/// <summary>A notification waiting in (or dead-lettered from) one subscription's outbox.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookDelivery
{
    /// <summary>Also the <c>Idempotency-Key</c> header: <c>{subscriptionId}:{alertId}:{alertVersion}</c>.</summary>
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required AlertNotification Notification { get; init; }
    [Id(2)] public DateTimeOffset EnqueuedAt { get; init; }
    /// <summary>HTTP attempts of the retry runs that finished (a replay starts a new run; a run cut short by a silo stopping is not counted).</summary>
    [Id(3)] public int Attempts { get; init; }
    [Id(4)] public string? LastError { get; init; }
    [Id(5)] public DateTimeOffset? DeadLetteredAt { get; init; }
}

/// <summary>How one run of the retry pipeline ended.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookAttemptOutcome([property: Id(0)] bool Delivered, [property: Id(1)] int Attempts, [property: Id(2)] string? Error);

/// <summary>An outbox at a glance, for the admin list.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookOutboxStatus(
    [property: Id(0)] int Pending, [property: Id(1)] int DeadLetters, [property: Id(2)] long Delivered, [property: Id(3)] DateTimeOffset? LastDeliveredAt);
