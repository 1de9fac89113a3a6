using System.Collections.Concurrent;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// A live-feed observer in the test process: records every alert the silo's publisher sends, so a test can
/// say what the feed did (or did not) announce.
/// </summary>
public sealed class FeedRecorder : IFeedObserver, IAsyncDisposable
{
    private readonly ConcurrentQueue<Alert> _alerts = new();
    private IFeedObserver? _reference;

    public IReadOnlyList<Alert> Alerts => [.. _alerts];

    public Task OnChanges(FeedBatch batch)
    {
        foreach (var alert in batch.Alerts) _alerts.Enqueue(alert);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Registers with the feed and returns once the publisher delivers to it: <paramref name="touch"/> makes a
    /// change to the alert <paramref name="alertId"/> (the publisher looks up new observers every few seconds).
    /// </summary>
    public static async Task<FeedRecorder> Start(string alertId, Func<Task> touch)
    {
        var recorder = new FeedRecorder();
        recorder._reference = ClusterFixture.Cluster.Client.CreateObjectReference<IFeedObserver>(recorder);
        await ClusterFixture.Grains.GetGrain<IFeedRegistryGrain>(0).Subscribe(recorder._reference);
        await recorder.WaitFor(alertId, touch, "the feed to deliver to the test's recorder");
        return recorder;
    }

    /// <summary>Makes changes to one alert until the feed delivers one of them: what was published before it has arrived too.</summary>
    public async Task WaitFor(string alertId, Func<Task> touch, string waitingFor)
    {
        var seen = _alerts.Count(a => a.Id == alertId);
        await Eventually.Until(async () =>
        {
            await touch();
            return _alerts.Count(a => a.Id == alertId);
        }, count => count > seen, waitingFor);
    }

    public async ValueTask DisposeAsync()
    {
        if (_reference is null) return;
        await ClusterFixture.Grains.GetGrain<IFeedRegistryGrain>(0).Unsubscribe(_reference);
        ClusterFixture.Cluster.Client.DeleteObjectReference<IFeedObserver>(_reference);
    }
}
