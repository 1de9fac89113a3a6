using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace ControlCenter.Host.Feed;

/// <summary>
/// <c>/hubs/live</c>: <c>Subscribe(topics)</c> returns a snapshot and starts <c>state</c>, <c>alert</c> and
/// <c>kpi</c> messages; <c>Unsubscribe(topics)</c> stops them. Callers authenticate with a feed token.
/// </summary>
[Authorize(Policy = FeedTokenAuthentication.Policy)]
public sealed class LiveHub(LiveFeed feed, HubFeedSender sender, FeedRegistration registration, CityCatalog catalog) : Hub
{
    public const string Path = "/hubs/live";

    public async Task<FeedSnapshot> Subscribe(string[] topics)
    {
        topics ??= [];
        var allowed = FeedTokenAuthentication.AllowedTopics(Context.User);
        foreach (var topic in topics)
        {
            if (FeedTopics.Validate(topic, catalog) is { } problem) throw new HubException($"Cannot subscribe: {problem}.");
            if (!FeedTokenAuthentication.Allows(allowed, topic))
                throw new HubException($"Cannot subscribe: topic '{topic}' is not allowed for this token.");
        }

        // Until this host is known to every silo, changes made elsewhere could slip past it.
        await registration.Registered.Task.WaitAsync(Context.ConnectionAborted);
        var subscription = feed.Subscribe(Context.ConnectionId, paceEachEntity: true);
        var distinct = topics.Distinct(StringComparer.Ordinal).ToArray();
        if (subscription.Topics.Union(distinct).Count() > feed.Options.MaxTopicsPerConnection)
            throw new HubException($"Cannot subscribe: at most {feed.Options.MaxTopicsPerConnection} topics per connection.");

        var added = distinct.Except(subscription.Topics, StringComparer.Ordinal).ToArray();
        subscription.Add(added);
        sender.Start(Context, subscription);
        // Topics the connection already has are live already: the snapshot covers only the new ones.
        var snapshot = await feed.Snapshot(added, Context.ConnectionAborted);
        subscription.Delivered(snapshot);
        return snapshot;
    }

    /// <summary>A caller (a token's system, a person) over its connection cap is turned away at connect.</summary>
    public override async Task OnConnectedAsync()
    {
        if (!sender.TryAdmit(Context, CallerOf(Context), feed.Options.MaxConnectionsPerCaller))
        {
            Context.Abort();
            return;
        }

        await base.OnConnectedAsync();
    }

    private static string CallerOf(HubCallerContext context) =>
        CallerKey(context.User?.Identity?.AuthenticationType, context.User?.Identity?.Name);

    /// <summary>How a caller is known for connection caps and revocation: scheme and name.</summary>
    public static string CallerKey(string? scheme, string? name) => $"{scheme}:{name}";

    public Task Unsubscribe(string[] topics)
    {
        feed.Find(Context.ConnectionId)?.Remove(topics ?? []);
        return Task.CompletedTask;
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        sender.Release(Context.ConnectionId);
        sender.Stop(Context.ConnectionId);
        feed.Unsubscribe(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
