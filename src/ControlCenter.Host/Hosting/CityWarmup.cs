using System.Diagnostics;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// After start-up, asks the city for its tiles: that activates every zone, lot, junction and sensor, so each
/// sensor's health timer runs even if the sensor never reports again (a silent sensor must turn stale).
/// </summary>
public sealed class CityWarmup(IGrainFactory grains, IHostApplicationLifetime lifetime, ILogger<CityWarmup> logger) : BackgroundService
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStart(stoppingToken);
        var watch = Stopwatch.StartNew();
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            try
            {
                await grains.GetGrain<ICityGrain>(EntityKinds.CityId).GetKpi();
                logger.LogInformation("City model active in {Elapsed} ms", watch.ElapsedMilliseconds);
                Done.TrySetResult();
                return;
            }
            catch (Exception ex) when (attempt < 10 && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Activating the city model failed (attempt {Attempt}); retrying", attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), stoppingToken);
            }
        }
    }

    private Task WaitForStart(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled());
        return started.Task;
    }
}
