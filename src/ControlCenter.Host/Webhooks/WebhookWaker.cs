using ControlCenter.Contracts.Grains;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// Makes sure every subscription's outbox is active, at start-up and then every <see cref="WebhookOptions.WakePeriod"/>:
/// deliveries a stopped silo left in a durable outbox go on from whichever silo now holds it. Every silo does this;
/// each outbox is still one activation, so nothing is sent twice for it.
/// </summary>
public sealed class WebhookWaker(IGrainFactory grains, IOptions<WebhookOptions> options, ILogger<WebhookWaker> logger) : BackgroundService
{
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = options.Value.WakePeriod;
            try
            {
                await grains.GetGrain<IWebhookDirectoryGrain>(0).Wake().WaitAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The silo may still be starting.
                logger.LogDebug(ex, "Could not wake the webhook outboxes yet");
                next = RetryAfterFailure;
            }

            try
            {
                await Task.Delay(next, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
