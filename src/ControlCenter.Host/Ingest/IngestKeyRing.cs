using System.Security.Cryptography;
using System.Text;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>Checks a presented key (in constant time, against SHA-256 hashes) and the key's scope.</summary>
public sealed class IngestKeyRing
{
    private readonly List<(byte[] Hash, IngestKey Key)> _keys;

    public IngestKeyRing(IOptions<IngestKeyOptions> options)
    {
        _keys = options.Value.Keys
            .Where(k => !string.IsNullOrWhiteSpace(k.Key))
            .Select(k => (Hash(k.Key), k))
            .ToList();
    }

    public int Count => _keys.Count;

    public IngestKey? Find(string? presented)
    {
        if (string.IsNullOrEmpty(presented) || presented.Length > 512) return null;
        var hash = Hash(presented);
        IngestKey? found = null;
        foreach (var (candidate, key) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(candidate, hash)) found = key;
        }

        return found;
    }

    public static bool Allows(IngestKey key, Sensor sensor) =>
        (key.Sensors.Count == 0 && key.Zones.Count == 0) || key.Sensors.Contains(sensor.Id) || key.Zones.Contains(sensor.ZoneId);

    private static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}
