using System.Threading.RateLimiting;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// A key's rate held across the cluster: this host spends tokens it leased from the key's <see cref="IKeyRateGrain"/>,
/// a chunk of about 1/20 s of the rate at a time. The hot path is a lock and a decrement; a grain call happens once
/// per chunk, and concurrent requests that find the chunk spent share that one call.
/// <para>
/// Why leases and not "each host takes rate / number of silos": behind a load balancer with session affinity (the
/// Service in k8s/ has it, for Blazor and SignalR) one gateway's requests all reach one host, which would then let
/// it send only 1/N of its rate. Leases follow the traffic wherever it lands. Unspent tokens of a lease lapse
/// after a second, so hosts cannot hoard a burst; the cluster's total stays within the rate plus one chunk per host.
/// </para>
/// If the grain cannot be reached (its silo just died), this host falls back to a bucket of its own at the full
/// rate until the grain answers again: ingest keeps flowing, for a few seconds perhaps at more than the rate.
/// </summary>
public sealed class ClusterRateLimiter : RateLimiter
{
    private static readonly TimeSpan LeaseLife = TimeSpan.FromSeconds(1);
    private const int MaxRounds = 4;

    private readonly IKeyRateGrain _grain;
    private readonly int _perSecond;
    private readonly int _chunk;
    private readonly TimeProvider _time;
    private readonly TokenBucketRateLimiter _fallback;
    private readonly Lock _gate = new();
    private int _stock;
    private long _leasedAt;
    private Task<TokenGrant>? _refill;

    public ClusterRateLimiter(IKeyRateGrain grain, int perSecond, TimeProvider time)
    {
        _grain = grain;
        _perSecond = Math.Max(1, perSecond);
        _chunk = Math.Clamp(_perSecond / 20, 1, 1000);
        _time = time;
        _fallback = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 2 * _perSecond, TokensPerPeriod = _perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => null;

    public override RateLimiterStatistics? GetStatistics() => new() { CurrentAvailablePermits = _stock };

    /// <summary>Only what this host holds already: no grain call.</summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => TakeLocal() ? Lease.Granted : Lease.NotNow(null);

    /// <summary>Leases a chunk from the key's grain when this host's is spent.</summary>
    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            if (TakeLocal()) return Lease.Granted;
            TokenGrant grant;
            try
            {
                grant = await Refill().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                return _fallback.AttemptAcquire().IsAcquired ? Lease.Granted : Lease.NotNow(TimeSpan.FromSeconds(1));
            }

            if (grant.Granted == 0) return Lease.NotNow(grant.RetryAfter);
        }

        // Others took every token of the chunks leased meanwhile: the key is at its rate.
        return Lease.NotNow(TimeSpan.FromSeconds(1.0 / _perSecond));
    }

    private bool TakeLocal()
    {
        lock (_gate)
        {
            if (_stock > 0 && _time.GetElapsedTime(_leasedAt) > LeaseLife) _stock = 0;
            if (_stock == 0) return false;
            _stock--;
            return true;
        }
    }

    /// <summary>One grain call at a time per key on this host; everyone waiting shares its answer.</summary>
    private Task<TokenGrant> Refill()
    {
        TaskCompletionSource<TokenGrant> refill;
        lock (_gate)
        {
            if (_refill is { } pending) return pending;
            refill = new TaskCompletionSource<TokenGrant>(TaskCreationOptions.RunContinuationsAsynchronously);
            _refill = refill.Task;
        }

        _ = LeaseInto(refill);
        return refill.Task;
    }

    private async Task LeaseInto(TaskCompletionSource<TokenGrant> refill)
    {
        try
        {
            var grant = await _grain.Take(_chunk, _perSecond);
            lock (_gate)
            {
                _stock = grant.Granted;
                _leasedAt = _time.GetTimestamp();
                _refill = null;
            }

            refill.SetResult(grant);
        }
        catch (Exception ex)
        {
            lock (_gate) _refill = null;
            refill.SetException(ex);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _fallback.Dispose();
        base.Dispose(disposing);
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public static Lease NotNow(TimeSpan? retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
