using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>A real SignalR client of <c>/hubs/live</c> that records every message it receives.</summary>
public sealed class FeedClient : IAsyncDisposable
{
    private int _reconnects, _refusedSubscribes, _closed;

    private FeedClient(HubConnection connection) => Connection = connection;

    public HubConnection Connection { get; }

    public ConcurrentQueue<JsonElement> States { get; } = new();
    public ConcurrentQueue<JsonElement> Kpis { get; } = new();
    public ConcurrentQueue<JsonElement> Alerts { get; } = new();
    public ConcurrentQueue<string> Other { get; } = new();

    public static async Task<FeedClient> Connect(Uri server, string? token = CityHost.FeedToken)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult(token))
            .Build();
        return await Start(connection);
    }

    /// <summary>
    /// A client that reconnects by itself (every second, for up to two minutes: a silo restarting) and subscribes
    /// again to <paramref name="topics"/> after each reconnect, as live-feed.md tells integrators to.
    /// </summary>
    public static async Task<FeedClient> ConnectReconnecting(Uri server, params string[] topics)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(CityHost.FeedToken))
            .WithAutomaticReconnect(Enumerable.Repeat(TimeSpan.FromSeconds(1), 120).ToArray())
            .Build();
        var client = await Start(connection);
        connection.Reconnected += async _ =>
        {
            Interlocked.Increment(ref client._reconnects);
            // A silo just started may refuse subscriptions until its feed is registered everywhere: ask again.
            await Eventually.Until(async () =>
            {
                try { await client.Subscribe(topics); return true; }
                catch (HubException) { Interlocked.Increment(ref client._refusedSubscribes); return false; }
            }, subscribed => subscribed, "the reconnected client to subscribe again", TimeSpan.FromSeconds(60));
        };
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref client._closed);
            return Task.CompletedTask;
        };
        await client.Subscribe(topics);
        return client;
    }

    /// <summary>How often the connection came back by itself.</summary>
    public int Reconnects => Volatile.Read(ref _reconnects);

    /// <summary>What a reconnecting client went through, for a failing test's message.</summary>
    public string Describe() =>
        $"{Connection.State}, {Reconnects} reconnects, {Volatile.Read(ref _refusedSubscribes)} subscriptions refused, closed {Volatile.Read(ref _closed)} times, {States.Count} states";

    private static async Task<FeedClient> Start(HubConnection connection)
    {
        var client = new FeedClient(connection);
        connection.On<JsonElement>("state", s => client.States.Enqueue(s));
        connection.On<JsonElement>("kpi", k => client.Kpis.Enqueue(k));
        connection.On<JsonElement>("alert", a => client.Alerts.Enqueue(a));
        connection.On<JsonElement>("lagging", _ => client.Other.Enqueue("lagging"));
        connection.On<JsonElement>("snapshot", _ => client.Other.Enqueue("snapshot"));
        await connection.StartAsync();
        return client;
    }

    public Task<JsonElement> Subscribe(params string[] topics) => Connection.InvokeAsync<JsonElement>("Subscribe", topics);

    /// <summary>The states received for one entity, in arrival order.</summary>
    public List<JsonElement> StatesOf(string entityId) =>
        States.Where(s => s.GetProperty("entityId").GetString() == entityId).ToList();

    /// <summary>The alert messages received for one rule, in arrival order.</summary>
    public List<JsonElement> AlertsOf(string ruleId) =>
        Alerts.Where(a => a.GetProperty("ruleId").GetString() == ruleId).ToList();

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
