using ControlCenter.Host.Credentials;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Feed;

/// <summary>The feed tokens in force: configured ones plus live ones made over the API; looked up by SHA-256.</summary>
public sealed class FeedTokenRing
{
    private readonly Dictionary<string, FeedToken> _configured;
    private volatile Dictionary<string, FeedToken> _inForce;

    public FeedTokenRing(IOptions<FeedTokenOptions> options)
    {
        _configured = options.Value.Tokens
            .Where(t => !string.IsNullOrEmpty(t.Token))
            .ToDictionary(t => CredentialStore.Sha256Hex(t.Token), StringComparer.Ordinal);
        _inForce = _configured;
    }

    public FeedToken? Find(string presented) =>
        presented.Length is 0 or > 512 ? null : _inForce.GetValueOrDefault(CredentialStore.Sha256Hex(presented));

    /// <returns>The names of tokens that were in force and no longer are (revoked).</returns>
    public IReadOnlyList<string> Reload(IEnumerable<StoredCredential> stored)
    {
        var inForce = new Dictionary<string, FeedToken>(_configured, StringComparer.Ordinal);
        foreach (var c in stored.Where(c => c.Kind == CredentialStore.FeedKind && c.RevokedAt is null))
            inForce[c.SecretSha256] = new FeedToken { Name = c.Name, Topics = c.Scopes.Topics };

        var gone = _inForce.Where(kv => !inForce.ContainsKey(kv.Key)).Select(kv => kv.Value.Name).ToList();
        _inForce = inForce;
        return gone;
    }
}
