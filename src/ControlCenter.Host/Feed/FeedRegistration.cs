using ControlCenter.Contracts.Grains;
using ControlCenter.Grains.Feed;

namespace ControlCenter.Host.Feed;

/// <summary>
/// Registers this host's observer with the cluster's feed registry once the silo runs, and renews it well
/// within the registry's expiry (the registry forgets hosts that stop renewing, e.g. after a crash).
/// </summary>
public sealed class FeedRegistration(IGrainFactory grains, FeedObserver observer, IHostApplicationLifetime lifetime, ILogger<FeedRegistration> logger)
    : BackgroundService
{
    /// <summary>Often, so that a registry that lost its memory (its silo restarted) hears from every host again soon;
    /// batches missed meanwhile show up as a sequence gap and are healed by a resync.</summary>
    private static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);

    private IFeedObserver? _reference;

    /// <summary>Completes once every silo's publisher is sure to send this host every change.</summary>
    public TaskCompletionSource Registered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using var onStart = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);

        _reference = grains.CreateObjectReference<IFeedObserver>(observer);
        var registry = grains.GetGrain<IFeedRegistryGrain>(0);
        using var timer = new PeriodicTimer(Renewal);
        do
        {
            try
            {
                await registry.Subscribe(_reference);
                if (!Registered.Task.IsCompleted)
                {
                    // Every silo's publisher refreshes its host list within this; only then is no change missed.
                    await Task.Delay(FeedPublisher.ObserverRefresh + TimeSpan.FromMilliseconds(200), stoppingToken);
                    Registered.TrySetResult();
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Could not register with the feed registry; retrying in {Renewal}", Renewal);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_reference is not null)
        {
            try { await grains.GetGrain<IFeedRegistryGrain>(0).Unsubscribe(_reference); }
            catch (Exception ex) when (ex is not OperationCanceledException) { logger.LogDebug(ex, "Feed unregistration failed at shutdown"); }
        }

        await base.StopAsync(cancellationToken);
    }
}
