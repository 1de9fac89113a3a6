namespace ControlCenter.Host.Webhooks;

/// <summary>The <c>Webhooks</c> section: the retry pipeline's shape and what CAP documents say about their sender.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Retries after the first attempt before a delivery is dead-lettered.</summary>
    public int MaxRetries { get; set; } = 8;

    /// <summary>The first back-off; each next one doubles (with jitter) up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>One HTTP attempt that takes longer is abandoned and counts as a failure.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often each silo makes sure every outbox is active (it resumes deliveries a stopped silo left).</summary>
    public TimeSpan WakePeriod { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>CAP's <c>sender</c>: an identifier of this centre that receivers recognise.</summary>
    public string CapSender { get; set; } = "controlcenter@hanoi.gov.vn";
}
