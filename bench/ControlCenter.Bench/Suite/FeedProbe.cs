using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace ControlCenter.Bench.Suite;

/// <summary>
/// Real SignalR clients of <c>/hubs/live</c> (WebSockets) measuring ingest → subscriber latency: for each <c>state</c>
/// message of a sensor, its arrival time minus the reading's timestamp (the load generator stamps readings as it
/// sends them, on this same clock).
/// </summary>
public sealed class FeedProbe : IAsyncDisposable
{
    private readonly List<HubConnection> _connections = [];
    private readonly List<double> _latenciesMs = [];
    private readonly Lock _gate = new();
    private readonly HashSet<string> _sensorIds;
    private volatile bool _recording;
    private long _lagging;

    private FeedProbe(HashSet<string> sensorIds) => _sensorIds = sensorIds;

    public int Connections => _connections.Count;

    /// <summary>Opens <paramref name="count"/> connections, a few at a time, each subscribed to <paramref name="topicsOf"/>(its index).</summary>
    public static async Task<FeedProbe> Connect(Uri server, string token, int count, Func<int, string[]> topicsOf, IEnumerable<string> sensorIds)
    {
        var probe = new FeedProbe(sensorIds.ToHashSet(StringComparer.Ordinal));
        using var opening = new SemaphoreSlim(32);
        await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await opening.WaitAsync();
            try
            {
                await probe.Open(server, token, topicsOf(i));
            }
            finally
            {
                opening.Release();
            }
        }));
        return probe;
    }

    private async Task Open(Uri server, string token, string[] topics)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server, "/hubs/live"), o =>
            {
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
            })
            .Build();
        connection.On<JsonElement>("state", OnState);
        connection.On<JsonElement>("lagging", _ => Interlocked.Increment(ref _lagging));
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", topics);
        lock (_gate) _connections.Add(connection);
    }

    private void OnState(JsonElement state)
    {
        if (!_recording) return;
        var arrived = DateTimeOffset.UtcNow;
        if (!_sensorIds.Contains(state.GetProperty("entityId").GetString()!)) return;
        if (state.GetProperty("ts").ValueKind != JsonValueKind.String) return;
        var latency = (arrived - state.GetProperty("ts").GetDateTimeOffset()).TotalMilliseconds;
        lock (_gate) _latenciesMs.Add(latency);
    }

    public void StartRecording() => _recording = true;

    public LatencySummary StopRecording()
    {
        _recording = false;
        lock (_gate)
        {
            var sorted = _latenciesMs.Order().ToArray();
            double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
            return new LatencySummary(sorted.Length, P(0.50), P(0.95), P(0.99), Interlocked.Read(ref _lagging));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections) await connection.DisposeAsync();
    }
}

/// <summary>Latency percentiles over the recorded <c>state</c> messages, and how many <c>lagging</c> notices arrived.</summary>
public sealed record LatencySummary(int Messages, double P50Ms, double P95Ms, double P99Ms, long Lagging);
