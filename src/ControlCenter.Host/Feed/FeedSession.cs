using System.Runtime.CompilerServices;

namespace ControlCenter.Host.Feed;

/// <summary>
/// The in-process feed for the wall's components: a snapshot, then coalesced changes on a cancellable loop.
/// A lagging delivery is replaced by a fresh snapshot, so a consumer only ever applies states. Dispose it
/// (the component's Dispose) to stop receiving.
/// </summary>
public sealed class FeedSession : IAsyncDisposable
{
    private readonly LiveFeed _feed;
    private readonly FeedSubscription _subscription;

    private FeedSession(LiveFeed feed, FeedSubscription subscription, FeedSnapshot snapshot)
    {
        _feed = feed;
        _subscription = subscription;
        Snapshot = snapshot;
    }

    public FeedSnapshot Snapshot { get; }

    public static async Task<FeedSession> Open(LiveFeed feed, IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        var subscription = feed.Subscribe($"local-{Guid.NewGuid():N}");
        subscription.Add(topics);
        try
        {
            var snapshot = await feed.Snapshot(topics, cancellationToken);
            subscription.Delivered(snapshot);
            return new FeedSession(feed, subscription, snapshot);
        }
        catch
        {
            feed.Unsubscribe(subscription.Id);
            throw;
        }
    }

    /// <summary>Each coalesced delivery; after a lag, a delivery holding the fresh snapshot's states.</summary>
    public async IAsyncEnumerable<FeedDelivery> Changes([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var delivery = await _subscription.Next(cancellationToken);
            if (delivery.Lagging)
            {
                var snapshot = await _feed.Snapshot(_subscription.Topics, cancellationToken);
                _subscription.Delivered(snapshot);
                delivery = new FeedDelivery(snapshot.Items, snapshot.Kpi, Lagging: true) { Alerts = snapshot.Alerts };
            }

            yield return delivery;
        }
    }

    public ValueTask DisposeAsync()
    {
        _feed.Unsubscribe(_subscription.Id);
        return ValueTask.CompletedTask;
    }
}
