using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace ControlCenter.Host.Feed;

/// <summary>
/// The one place that turns feed deliveries into hub messages. Each connection has its own pump, so a stalled
/// connection blocks only itself; its subscription then turns lagging, and the pump sends <c>lagging</c>
/// followed by a fresh <c>snapshot</c> once the connection moves again.
/// </summary>
public sealed class HubFeedSender(IHubContext<LiveHub> hub, LiveFeed feed, IMeterFactory meters, ILogger<HubFeedSender> logger) : IDisposable
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _pumps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _callerOfConnection = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _connectionsOfCaller = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HubCallerContext> _contexts = new(StringComparer.Ordinal);
    private static readonly TimeSpan ResyncPause = TimeSpan.FromSeconds(1);

    private readonly Counter<long> _messagesSent = meters.Create(CityTelemetry.MeterName)
        .CreateCounter<long>("controlcenter.feed.messages_sent", "{message}", "Hub messages sent");
    private readonly Counter<long> _refusedConnections = meters.Create(CityTelemetry.MeterName)
        .CreateCounter<long>("controlcenter.feed.connections_refused", "{connection}", "Hub connections refused at the per-caller cap");

    /// <summary>The series without a label from the start (0), as before: see <see cref="TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        _messagesSent.Add(0);
        _refusedConnections.Add(0);
    }

    /// <summary>Counts the connection against its caller's cap; false (and not counted) when the cap is reached.</summary>
    public bool TryAdmit(HubCallerContext connection, string caller, int cap)
    {
        var admitted = false;
        _connectionsOfCaller.AddOrUpdate(caller, _ => { admitted = cap > 0; return admitted ? 1 : 0; },
            (_, n) => { admitted = n < cap; return admitted ? n + 1 : n; });
        if (admitted)
        {
            _callerOfConnection[connection.ConnectionId] = caller;
            _contexts[connection.ConnectionId] = connection;
        }

        else _refusedConnections.Add(1);
        return admitted;
    }

    /// <summary>Closes every connection of a caller (a feed token that was just revoked).</summary>
    public int Disconnect(string caller)
    {
        var closed = 0;
        foreach (var (connectionId, owner) in _callerOfConnection)
        {
            if (owner != caller || !_contexts.TryGetValue(connectionId, out var context)) continue;
            context.Abort();
            closed++;
        }

        return closed;
    }

    public void Release(string connectionId)
    {
        _contexts.TryRemove(connectionId, out _);
        if (_callerOfConnection.TryRemove(connectionId, out var caller)) _connectionsOfCaller.AddOrUpdate(caller, 0, (_, n) => Math.Max(0, n - 1));
    }

    /// <param name="connection">The caller: the pump and the subscription end with its connection; a pump that fails
    /// resyncs the connection with a snapshot rather than closing it.</param>
    public void Start(HubCallerContext connection, FeedSubscription subscription)
    {
        var stop = CancellationTokenSource.CreateLinkedTokenSource(connection.ConnectionAborted);
        if (!_pumps.TryAdd(connection.ConnectionId, stop))
        {
            stop.Dispose();
            return;
        }

        _ = Task.Run(() => Pump(connection, subscription, stop.Token), CancellationToken.None);
    }

    public void Stop(string connectionId)
    {
        if (_pumps.TryRemove(connectionId, out var stop))
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    private async Task Pump(HubCallerContext connection, FeedSubscription subscription, CancellationToken stop)
    {
        var connectionId = connection.ConnectionId;
        var client = hub.Clients.Client(connectionId);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    await PumpOnce(client, subscription, stop);
                }
                catch (Exception ex) when (!stop.IsCancellationRequested)
                {
                    // E.g. a snapshot that needs a grain of a silo that is stopping or just died. Closing the connection
                    // here would end a SignalR client's automatic reconnect for good (a server's abort forbids it), so the
                    // connection stays and is brought up to date by a snapshot as soon as one can be read.
                    logger.LogWarning(ex, "Feed pump for connection {ConnectionId} failed; it resyncs with a snapshot", connectionId);
                    await Resync(client, subscription, stop);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The connection went away.
        }
        finally
        {
            // Whatever ended the pump, the connection's subscription must not outlive it.
            Stop(connectionId);
            feed.Unsubscribe(connectionId);
        }
    }

    private async Task PumpOnce(ISingleClientProxy client, FeedSubscription subscription, CancellationToken stop)
    {
        var delivery = await subscription.Next(stop);
        if (delivery.Lagging)
        {
            await Send(client, "lagging", new { reason = "The connection could not keep up; a fresh snapshot follows.", lagCount = subscription.LagCount }, stop);
            var snapshot = await feed.Snapshot(subscription.Topics, stop);
            subscription.Delivered(snapshot);
            await Send(client, "snapshot", snapshot, stop);
            return;
        }

        foreach (var state in delivery.States) await Send(client, "state", state, stop);
        foreach (var alert in delivery.Alerts) await Send(client, "alert", alert, stop);
        if (delivery.Kpi is { } kpi) await Send(client, "kpi", kpi, stop);
    }

    /// <summary><c>lagging</c>, then a snapshot once one can be read again (tried every second while the connection lasts).</summary>
    private async Task Resync(ISingleClientProxy client, FeedSubscription subscription, CancellationToken stop)
    {
        while (true)
        {
            await Task.Delay(ResyncPause, stop);
            try
            {
                await Send(client, "lagging", new { reason = "The cluster is settling; a fresh snapshot follows.", lagCount = subscription.LagCount }, stop);
                var snapshot = await feed.Snapshot(subscription.Topics, stop);
                subscription.Delivered(snapshot);
                await Send(client, "snapshot", snapshot, stop);
                return;
            }
            catch (Exception ex) when (!stop.IsCancellationRequested)
            {
                logger.LogDebug(ex, "Feed snapshot still unavailable; trying again");
            }
        }
    }

    private async Task Send(ISingleClientProxy client, string method, object message, CancellationToken stop)
    {
        await client.SendAsync(method, message, stop);
        _messagesSent.Add(1);
    }

    public void Dispose()
    {
        foreach (var id in _pumps.Keys) Stop(id);
    }
}
