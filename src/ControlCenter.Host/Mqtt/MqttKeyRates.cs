using System.Collections.Concurrent;
using ControlCenter.Contracts.Grains;
using ControlCenter.Host.Ingest;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// The ingest key's rate (the same bucket sizes as HTTP's per-key limit, and like it held for the whole cluster by
/// <see cref="ClusterRateLimiter"/>), counted in messages. Over MQTT a gateway is paced rather than refused: its next
/// message waits for a token, and since the broker reads a connection's packets one after another, the whole
/// connection slows to the key's rate. Only when many connections of one key are already waiting is a message refused.
/// </summary>
public sealed class MqttKeyRates(IOptions<IngestKeyOptions> defaults, MqttMetrics metrics, IGrainFactory grains, TimeProvider time)
{
    private const int MaxWaiting = 64;

    private readonly ConcurrentDictionary<string, KeyPace> _keys = new(StringComparer.Ordinal);

    /// <returns>false when the message must be refused (too many of this key's messages waiting already).</returns>
    public async ValueTask<bool> Wait(IngestKey key, CancellationToken cancellationToken)
    {
        var pace = _keys.GetOrAdd(key.Name, name => new KeyPace(new ClusterRateLimiter(
            grains.GetGrain<IKeyRateGrain>("mqtt/" + name), key.RequestsPerSecond ?? defaults.Value.RequestsPerSecond, time)));
        using (var now = pace.Limiter.AttemptAcquire())
            if (now.IsAcquired) return true;

        // This host's lease is spent: lease more from the key's grain; only a refusal there means the key is at its rate.
        var wait = await Lease(pace.Limiter, cancellationToken);
        if (wait is null) return true;

        metrics.CountPaced();
        if (Interlocked.Increment(ref pace.Waiting) > MaxWaiting)
        {
            Interlocked.Decrement(ref pace.Waiting);
            return false;
        }

        try
        {
            while (wait is { } delay)
            {
                await Task.Delay(delay, time, cancellationToken);
                wait = await Lease(pace.Limiter, cancellationToken);
            }

            return true;
        }
        finally
        {
            Interlocked.Decrement(ref pace.Waiting);
        }
    }

    /// <returns>null when a token was had, else how long to wait before asking again.</returns>
    private static async ValueTask<TimeSpan?> Lease(ClusterRateLimiter limiter, CancellationToken cancellationToken)
    {
        using var lease = await limiter.AcquireAsync(1, cancellationToken);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMilliseconds(50);
    }

    private sealed class KeyPace(ClusterRateLimiter limiter)
    {
        public readonly ClusterRateLimiter Limiter = limiter;
        public int Waiting;
    }
}
