using ControlCenter.Grains.Webhooks;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ControlCenter.Host.Webhooks;

public static class WebhookConfiguration
{
    /// <summary>
    /// Alert webhooks: the sender the outbox grains use, its HTTP client with the retry pipeline (exponential
    /// back-off with jitter, a timeout per attempt) and the signing handler inside it, and the outbox waker.
    /// </summary>
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<WebhookOptions>().Bind(builder.Configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.MaxRetries is >= 1 and <= 30 && o.FirstRetryDelay > TimeSpan.Zero && o.MaxRetryDelay >= o.FirstRetryDelay
                && o.AttemptTimeout > TimeSpan.Zero && o.WakePeriod > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.CapSender),
                "Webhooks: MaxRetries is 1 to 30; FirstRetryDelay, AttemptTimeout and WakePeriod are positive; MaxRetryDelay ≥ FirstRetryDelay; CapSender is set.")
            .ValidateOnStart();
        services.AddSingleton<CapDocument>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookPayloads>();
        services.AddSingleton<WebhookUrlGuard>();
        services.AddSingleton<IWebhookSender, WebhookSender>();
        services.AddTransient<WebhookSigningHandler>();
        services.AddHostedService<WebhookWaker>();

        var client = services.AddHttpClient(WebhookSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(WebhookConnector.Handler);
        client.AddResilienceHandler("webhook-delivery", (pipeline, context) =>
            {
                var o = context.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
                // Retries 5xx, 408, 429, connection failures and attempt timeouts; a 4xx answer is final.
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = o.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = o.FirstRetryDelay,
                    MaxDelay = o.MaxRetryDelay,
                });
                pipeline.AddTimeout(o.AttemptTimeout);
            });
        // Added after the pipeline, so inside it: runs for every attempt.
        client.AddHttpMessageHandler<WebhookSigningHandler>();
        return builder;
    }
}
