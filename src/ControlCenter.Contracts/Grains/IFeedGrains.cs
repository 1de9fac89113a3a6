using ControlCenter.Contracts.Messages;
using Orleans.Concurrency;

namespace ControlCenter.Contracts.Grains;

/// <summary>A host process that serves live-feed subscribers; every silo's publisher sends it every batch.</summary>
public interface IFeedObserver : IGrainObserver
{
    [OneWay]
    Task OnChanges(FeedBatch batch);
}

/// <summary>
/// The cluster-wide list of feed observers (one per host process). Observers expire unless they renew,
/// so a host that died stops receiving without anyone having to notice.
/// </summary>
public interface IFeedRegistryGrain : IGrainWithIntegerKey
{
    Task Subscribe(IFeedObserver observer);

    Task Unsubscribe(IFeedObserver observer);

    Task<IFeedObserver[]> Observers();
}
