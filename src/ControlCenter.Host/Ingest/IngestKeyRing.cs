using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Credentials;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// The ingest keys in force: those configured, plus those administrators made over the API (reloaded by the
/// credential refresher; revoked ones drop out). Looked up by the SHA-256 of the presented key.
/// </summary>
public sealed class IngestKeyRing
{
    private readonly Dictionary<string, IngestKey> _configured;
    private volatile Dictionary<string, IngestKey> _inForce;

    public IngestKeyRing(IOptions<IngestKeyOptions> options)
    {
        _configured = options.Value.Keys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .ToDictionary(k => CredentialStore.Sha256Hex(k.Key), StringComparer.Ordinal);
        _inForce = _configured;
    }

    public int Count => _inForce.Count;

    public IngestKey? Find(string? presented) =>
        string.IsNullOrEmpty(presented) || presented.Length > 512 ? null : _inForce.GetValueOrDefault(CredentialStore.Sha256Hex(presented));

    /// <summary>Configured keys plus the live stored ones.</summary>
    public void Reload(IEnumerable<StoredCredential> stored)
    {
        var inForce = new Dictionary<string, IngestKey>(_configured, StringComparer.Ordinal);
        foreach (var c in stored.Where(c => c.Kind == CredentialStore.IngestKind && c.RevokedAt is null))
        {
            inForce[c.SecretSha256] = new IngestKey
            {
                Name = c.Name, Sensors = c.Scopes.Sensors, Zones = c.Scopes.Zones, RequestsPerSecond = c.Scopes.RequestsPerSecond,
            };
        }

        _inForce = inForce;
    }

    public static bool Allows(IngestKey key, Sensor sensor) =>
        (key.Sensors.Count == 0 && key.Zones.Count == 0) || key.Sensors.Contains(sensor.Id) || key.Zones.Contains(sensor.ZoneId);
}
