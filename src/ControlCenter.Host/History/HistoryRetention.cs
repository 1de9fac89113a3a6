using Microsoft.Extensions.Options;

namespace ControlCenter.Host.History;

/// <summary>Deletes history older than the retention setting, once at start and then every hour.</summary>
public sealed class HistoryRetention(HistoryStore store, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var deleted = await store.DeleteOlderThan(time.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (deleted > 0) logger.LogInformation("Retention removed {Rows} history rows", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "History retention pass failed; will retry within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
