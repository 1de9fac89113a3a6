using ControlCenter.Contracts.Grains;
using Microsoft.Extensions.Logging;
using Orleans.Utilities;

namespace ControlCenter.Grains.Feed;

/// <summary>Keeps the feed observers of every host; an observer that does not renew within the expiry is dropped.</summary>
public sealed class FeedRegistryGrain(ILogger<FeedRegistryGrain> logger) : Grain, IFeedRegistryGrain
{
    /// <summary>Hosts renew well within this (see the host's feed registration).</summary>
    public static readonly TimeSpan Expiry = TimeSpan.FromMinutes(1);

    private readonly ObserverManager<IFeedObserver> _observers = new(Expiry, logger);

    public Task Subscribe(IFeedObserver observer)
    {
        _observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IFeedObserver observer)
    {
        _observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<IFeedObserver[]> Observers()
    {
        _observers.ClearExpired();
        return Task.FromResult(_observers.ToArray());
    }
}
