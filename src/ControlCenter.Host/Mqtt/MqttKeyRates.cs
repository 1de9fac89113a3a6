using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using ControlCenter.Host.Ingest;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// The ingest key's rate (the same bucket sizes as HTTP's per-key limit), counted in messages. Over MQTT a gateway
/// is paced rather than refused: its next message waits for a token, and since the broker reads a connection's
/// packets one after another, the whole connection slows to the key's rate. Only when many connections of one key
/// are already waiting is a message refused.
/// </summary>
public sealed class MqttKeyRates(IOptions<IngestKeyOptions> defaults, MqttMetrics metrics)
{
    private const int MaxWaiting = 64;

    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);

    /// <returns>false when the message must be refused (too many of this key's messages waiting already).</returns>
    public async ValueTask<bool> Wait(IngestKey key, CancellationToken cancellationToken)
    {
        var bucket = _buckets.GetOrAdd(key.Name, _ => Bucket(key.RequestsPerSecond ?? defaults.Value.RequestsPerSecond));
        using var now = bucket.AttemptAcquire();
        if (now.IsAcquired) return true;

        metrics.CountPaced();
        using var later = await bucket.AcquireAsync(1, cancellationToken);
        return later.IsAcquired;
    }

    private static TokenBucketRateLimiter Bucket(int perSecond) => new(new TokenBucketRateLimiterOptions
    {
        TokenLimit = Math.Max(1, perSecond * 2),
        TokensPerPeriod = Math.Max(1, perSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = MaxWaiting,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        AutoReplenishment = true,
    });
}
