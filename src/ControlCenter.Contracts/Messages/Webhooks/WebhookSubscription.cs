namespace ControlCenter.Contracts.Messages.Webhooks;

/// <summary>
/// An administrator's webhook: where to send, which alerts and events, in which format, signed with which secret.
/// The secret is kept as given because every delivery is signed with it (see docs/webhooks.md); the API never shows it.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WebhookSubscription
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Url { get; init; }
    [Id(2)] public WebhookMatcher Matcher { get; init; } = WebhookMatcher.Any;
    [Id(3)] public IReadOnlyList<string> Events { get; init; } = WebhookEvents.All;
    [Id(4)] public string Format { get; init; } = WebhookFormats.Json;
    [Id(5)] public required string Secret { get; init; }
    /// <summary>CAP's <c>scope</c>: Public, or Restricted to the receiving agency (the default).</summary>
    [Id(6)] public bool CapPublic { get; init; }
    [Id(7)] public DateTimeOffset CreatedAt { get; init; }
    [Id(8)] public string CreatedBy { get; init; } = "";

    public bool Wants(AlertNotification notification) =>
        Events.Contains(notification.Event) && Matcher.Matches(notification.Alert);
}
