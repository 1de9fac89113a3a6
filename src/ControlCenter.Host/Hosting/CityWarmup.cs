using System.Diagnostics;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;
using Polly;
using Polly.Retry;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// After start-up: takes the threshold packs in force, opens the alert book (which re-arms the escalation of
/// every open alert), then asks the city for its tiles: that activates every zone, lot, junction and sensor,
/// so each sensor's health timer and each zone's rules run even if nothing reports again; and wakes each lot's
/// parking desk, whose timer expires holds and erases plates after a restart too. Last, it starts the city's sweeper,
/// whose reminder brings them back on a live silo if theirs dies.
/// </summary>
public sealed class CityWarmup(
    IGrainFactory grains, CityCatalog catalog, ThresholdSource thresholds, IHostApplicationLifetime lifetime, ILogger<CityWarmup> logger) : BackgroundService
{
    public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WaitForStart(stoppingToken);
        var watch = Stopwatch.StartNew();
        await Retries().ExecuteAsync(async token =>
        {
            var document = await grains.GetGrain<IThresholdsGrain>(0).Get();
            thresholds.Update(document.Version, ThresholdJson.Parse(document.Json));
            await grains.GetGrain<IAlertBookGrain>(0).Active();
            await grains.GetGrain<ICityGrain>(EntityKinds.CityId).GetKpi();
            // The lots' desks: their timers expire holds, forget plates and refresh each lot's bookings.
            await Task.WhenAll(catalog.ParkingLots.Select(l => grains.GetGrain<ILotDeskGrain>(l.Id).GetBookings()));
            // From then on the sweeper's reminder keeps all of them alive, whichever silo dies.
            await grains.GetGrain<ICitySweeperGrain>(0).Start();
        }, stoppingToken);
        logger.LogInformation("City model active in {Elapsed} ms", watch.ElapsedMilliseconds);
        Done.TrySetResult();
    }

    /// <summary>Ten tries, 1 s, 2 s, … apart: a silo still joining its cluster settles well within that.</summary>
    private ResiliencePipeline Retries() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = 9,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromSeconds(1),
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            OnRetry = retry =>
            {
                logger.LogWarning(retry.Outcome.Exception, "Activating the city model failed (attempt {Attempt}); retrying", retry.AttemptNumber + 1);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    private Task WaitForStart(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled());
        return started.Task;
    }
}
