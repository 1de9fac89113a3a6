namespace ControlCenter.Host.Credentials;

/// <summary>
/// Secrets in force, looked up by the SHA-256 of what a caller presents: the configured ones, plus the live
/// ones of one kind from the credentials table (replaced as a whole on each reload, so lookups never lock).
/// </summary>
public sealed class SecretRing<T>(IEnumerable<(string Secret, T Value)> configured, string kind, Func<StoredCredential, T> fromStored)
    where T : class
{
    private const int LongestSecret = 512;

    private readonly Dictionary<string, T> _configured = configured
        .Where(c => !string.IsNullOrEmpty(c.Secret))
        .ToDictionary(c => CredentialStore.Sha256Hex(c.Secret), c => c.Value, StringComparer.Ordinal);

    private volatile Dictionary<string, T>? _inForce;

    private Dictionary<string, T> InForce => _inForce ?? _configured;

    public int Count => InForce.Count;

    public T? Find(string? presented) =>
        string.IsNullOrEmpty(presented) || presented.Length > LongestSecret ? null : InForce.GetValueOrDefault(CredentialStore.Sha256Hex(presented));

    /// <returns>What was in force and no longer is (revoked since the last reload).</returns>
    public IReadOnlyList<T> Reload(IEnumerable<StoredCredential> stored)
    {
        var inForce = new Dictionary<string, T>(_configured, StringComparer.Ordinal);
        foreach (var c in stored.Where(c => c.Kind == kind && c.RevokedAt is null)) inForce[c.SecretSha256] = fromStored(c);
        var gone = InForce.Where(kv => !inForce.ContainsKey(kv.Key)).Select(kv => kv.Value).ToList();
        _inForce = inForce;
        return gone;
    }
}
