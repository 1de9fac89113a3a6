using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Feed;

/// <summary>This host's ear on the cluster: receives every silo's feed batches.</summary>
public sealed class FeedObserver(LiveFeed feed) : IFeedObserver
{
    public Task OnChanges(FeedBatch batch)
    {
        feed.Publish(batch);
        return Task.CompletedTask;
    }
}
