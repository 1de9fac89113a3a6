using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// The cluster's token bucket of one ingest key on one path (key <c>http/{name}</c> or <c>mqtt/{name}</c>): hosts
/// lease tokens from it in small chunks, so the key's rate holds however many silos serve it.
/// </summary>
public interface IKeyRateGrain : IGrainWithStringKey
{
    /// <summary>Takes up to <paramref name="wanted"/> tokens from a bucket that refills at <paramref name="perSecond"/> with a burst of twice that.</summary>
    Task<TokenGrant> Take(int wanted, int perSecond);
}
