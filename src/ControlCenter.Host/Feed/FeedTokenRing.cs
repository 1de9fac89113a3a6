using ControlCenter.Host.Credentials;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Feed;

/// <summary>The feed tokens in force: configured ones plus live ones made over the API.</summary>
public sealed class FeedTokenRing(IOptions<FeedTokenOptions> options)
{
    private readonly SecretRing<FeedToken> _ring = new(
        options.Value.Tokens.Select(t => (t.Token, t)), CredentialStore.FeedKind,
        c => new FeedToken { Name = c.Name, Topics = c.Scopes.Topics });

    public FeedToken? Find(string presented) => _ring.Find(presented);

    /// <returns>The names of tokens that were in force and no longer are (revoked).</returns>
    public IReadOnlyList<string> Reload(IEnumerable<StoredCredential> stored) => [.. _ring.Reload(stored).Select(t => t.Name)];
}
