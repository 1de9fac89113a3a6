namespace ControlCenter.Contracts.Messages.Webhooks;

/// <summary>The alert changes a webhook subscription can ask to hear about.</summary>
public static class WebhookEvents
{
    public const string Raised = "raised";
    public const string Escalated = "escalated";
    public const string Acknowledged = "acknowledged";
    public const string Resolved = "resolved";

    public static readonly IReadOnlyList<string> All = [Raised, Escalated, Acknowledged, Resolved];
}

/// <summary>How a subscription's deliveries are written.</summary>
public static class WebhookFormats
{
    /// <summary>The contract's alert object with the event, subscription and delivery ids.</summary>
    public const string Json = "json";

    /// <summary>An OASIS Common Alerting Protocol 1.2 <c>alert</c> document.</summary>
    public const string Cap = "cap";

    public static readonly IReadOnlyList<string> All = [Json, Cap];
}
