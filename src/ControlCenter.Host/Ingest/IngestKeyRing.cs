using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Credentials;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// The ingest keys in force: those configured, plus those administrators made over the API (reloaded by the
/// credential refresher; revoked ones drop out). Looked up by the SHA-256 of the presented key.
/// </summary>
public sealed class IngestKeyRing(IOptions<IngestKeyOptions> options)
{
    private readonly SecretRing<IngestKey> _ring = new(
        options.Value.Keys.Select(k => (k.Key, k)), CredentialStore.IngestKind,
        c => new IngestKey { Name = c.Name, Sensors = c.Scopes.Sensors, Zones = c.Scopes.Zones, RequestsPerSecond = c.Scopes.RequestsPerSecond });

    public int Count => _ring.Count;

    public IngestKey? Find(string? presented) => _ring.Find(presented);

    /// <summary>Configured keys plus the live stored ones.</summary>
    public void Reload(IEnumerable<StoredCredential> stored) => _ring.Reload(stored);

    public static bool Allows(IngestKey key, Sensor sensor) =>
        (key.Sensors.Count == 0 && key.Zones.Count == 0) || key.Sensors.Contains(sensor.Id) || key.Zones.Contains(sensor.ZoneId);
}
