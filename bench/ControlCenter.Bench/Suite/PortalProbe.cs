using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ControlCenter.Bench.Suite;

/// <summary>
/// Anonymous portal traffic: many clients, each from its own loopback address (127.0.1.x, so the per-client rate
/// limit applies to each as it would to phones), polling the open data API at a fixed total rate. Latency is timed
/// from each request's scheduled moment, not from when it was sent, so a stalled server is not hidden by clients
/// that wait for it. Half the requests revalidate with the ETag they last saw, as a browser polling does.
/// </summary>
public static class PortalProbe
{
    /// <summary>What a portal page asks for, by share: mostly the one summary, then single domains and warnings.</summary>
    private static readonly string[] Paths =
    [
        "/open/v1/summary", "/open/v1/summary", "/open/v1/summary", "/open/v1/summary",
        "/open/v1/air", "/open/v1/flood", "/open/v1/rain", "/open/v1/parking", "/open/v1/warnings", "/open/v1/water",
    ];

    public static async Task<PortalResult> Run(Uri server, int rate, int seconds, int clients)
    {
        var perClientInterval = TimeSpan.FromSeconds(clients / (double)rate);
        var latencies = new List<double>[clients];
        var statuses = new Dictionary<int, long>[clients];
        var start = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 10;
        var end = start + Stopwatch.Frequency * seconds;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(i => Task.Run(async () =>
        {
            using var http = Client(server, i);
            var etags = new Dictionary<string, string>(StringComparer.Ordinal);
            var mine = latencies[i] = new List<double>(rate * seconds / clients + 16);
            var counts = statuses[i] = [];
            // Clients start spread over one interval, so the total rate is even rather than in bursts.
            var due = start + (long)(perClientInterval.TotalSeconds * Stopwatch.Frequency * i / clients);
            for (var n = 0; due < end; n++, due += (long)(perClientInterval.TotalSeconds * Stopwatch.Frequency))
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                var path = Paths[(i + n) % Paths.Length];
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Encoding", "br, gzip");
                if (n % 2 == 1 && etags.TryGetValue(path, out var etag)) request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                int status;
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.CopyToAsync(Stream.Null);
                    status = (int)response.StatusCode;
                    if (response.Headers.ETag is { } tag) etags[path] = tag.ToString();
                }
                catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
                {
                    status = 0; // no answer (refused, reset, or past the 30 s timeout)
                }

                mine.Add(Stopwatch.GetElapsedTime(due).TotalMilliseconds);
                counts[status] = counts.GetValueOrDefault(status) + 1;
            }
        })));

        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        var byStatus = statuses.SelectMany(s => s).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new PortalResult(sorted.Length / (double)seconds, P(0.50), P(0.95), P(0.99), byStatus);
    }

    /// <summary>One client: its own source address on the loopback network, its own connections.</summary>
    private static HttpClient Client(Uri server, int index)
    {
        var local = new IPAddress([127, 0, (byte)(1 + index / 250), (byte)(1 + index % 250)]);
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(30) };
    }
}

/// <param name="ByStatus">Answers by HTTP status (0: no answer).</param>
public sealed record PortalResult(double AchievedPerSecond, double P50Ms, double P95Ms, double P99Ms, IReadOnlyDictionary<int, long> ByStatus);
