using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Storage.Log;

/// <summary>Deletes the catalogue's sensors' readings older than the retention setting, once at start and then every hour.</summary>
public sealed class HistoryRetention(
    ReadingHistory history, CityCatalog catalog, IOptions<HistoryOptions> options, TimeProvider time, ILogger<HistoryRetention> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow() - options.Value.Retention;
                var deleted = await history.DeleteOlderThan(catalog.Sensors.Select(s => s.Id), cutoff, stoppingToken);
                if (deleted > 0) logger.LogInformation("Retention removed {Rows} readings from the log", deleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "History retention pass failed; will retry within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
