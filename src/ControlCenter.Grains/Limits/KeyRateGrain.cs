using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Limits;

/// <summary>
/// One key's token bucket for the whole cluster, in memory: if its silo dies, the bucket comes back full on another,
/// which lets a key burst once more (at most twice its rate for a second) — cheaper than writing every lease.
/// </summary>
public sealed class KeyRateGrain(TimeProvider time) : Grain, IKeyRateGrain
{
    private double _tokens = double.NaN;
    private long _refilledAt;

    public Task<TokenGrant> Take(int wanted, int perSecond)
    {
        perSecond = Math.Max(1, perSecond);
        var capacity = 2.0 * perSecond;
        var now = time.GetTimestamp();
        _tokens = double.IsNaN(_tokens) ? capacity : Math.Min(capacity, _tokens + time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond);
        _refilledAt = now;

        var granted = (int)Math.Min(Math.Max(1, wanted), Math.Floor(_tokens));
        if (granted > 0)
        {
            _tokens -= granted;
            return Task.FromResult(new TokenGrant(granted, TimeSpan.Zero));
        }

        return Task.FromResult(new TokenGrant(0, TimeSpan.FromSeconds((1 - _tokens) / perSecond)));
    }
}
