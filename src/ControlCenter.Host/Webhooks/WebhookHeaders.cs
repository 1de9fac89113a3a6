namespace ControlCenter.Host.Webhooks;

/// <summary>The headers every delivery carries (docs/webhooks.md).</summary>
public static class WebhookHeaders
{
    /// <summary><c>t=&lt;unix seconds&gt;,v1=&lt;hex HMAC-SHA256 of "&lt;t&gt;.&lt;body&gt;"&gt;</c>, made afresh for each attempt.</summary>
    public const string Signature = "X-ControlCenter-Signature";
    public const string Event = "X-ControlCenter-Event";
    public const string IdempotencyKey = "Idempotency-Key";
    public const string CapMediaType = "application/common-alerting-protocol+xml";
}
