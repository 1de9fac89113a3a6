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

/// <summary>
/// One per silo (a stateless worker): grains hand it each committed change; it coalesces them per entity
/// and fans each batch out to every registered observer, so a subscriber on any silo sees every grain.
/// </summary>
public interface IFeedPublisherGrain : IGrainWithIntegerKey
{
    [OneWay]
    Task Publish(EntityState state);

    [OneWay]
    Task PublishKpi(KpiSnapshot kpi);

    [OneWay]
    Task PublishAlert(Alert alert);
}
