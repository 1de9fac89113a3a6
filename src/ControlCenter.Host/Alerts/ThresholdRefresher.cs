using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// Keeps this silo's threshold source in step with the thresholds grain, wherever that grain lives: a change
/// made through another silo reaches this one within one period.
/// </summary>
public sealed class ThresholdRefresher(IGrainFactory grains, ThresholdSource source, CityWarmup warmup, ILogger<ThresholdRefresher> logger) : BackgroundService
{
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await warmup.Done.Task.WaitAsync(stoppingToken);
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                var document = await grains.GetGrain<IThresholdsGrain>(0).Get();
                if (document.Version > source.Version) source.Update(document.Version, ThresholdJson.Parse(document.Json));
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Could not refresh the threshold packs; keeping version {Version}", source.Version);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
