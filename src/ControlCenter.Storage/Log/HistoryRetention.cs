using ControlCenter.Domain.Catalog;
using ControlCenter.Storage.Parking;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Storage.Log;

/// <summary>
/// Deletes the catalogue's sensors' readings older than the retention setting (and a margin), and the lot desk
/// history review can no longer reach, once at start and then every hour.
/// </summary>
public sealed class HistoryRetention(
    ReadingHistory history, LotDeskHistory desks, CityCatalog catalog, IOptions<HistoryOptions> options, TimeProvider time,
    ILogger<HistoryRetention> logger)
    : BackgroundService
{
    /// <summary>
    /// Rows are kept this long past the retention: ingest still accepts a reading one second younger than the
    /// retention, and a sensor may replay it after a crash until its next checkpoint (a minute, or longer while
    /// checkpoint writes fail). Deleting it first would give a replay one reading fewer than the live grain folded.
    /// </summary>
    public static readonly TimeSpan CheckpointMargin = TimeSpan.FromDays(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), time);
        do
        {
            try
            {
                var cutoff = time.GetUtcNow() - options.Value.Retention - CheckpointMargin;
                var deleted = await history.DeleteOlderThan(catalog.Sensors.Select(s => s.Id), cutoff, stoppingToken);
                if (deleted > 0) logger.LogInformation("Retention removed {Rows} readings from the log", deleted);
                // No margin here: nothing replays the desk history; review reaches back the retention exactly.
                var desksDeleted = await desks.DeleteOlderThan(time.GetUtcNow() - options.Value.Retention, stoppingToken);
                if (desksDeleted > 0) logger.LogInformation("Retention removed {Rows} rows of the lot desk history", desksDeleted);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "History retention pass failed; will retry within the hour");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
