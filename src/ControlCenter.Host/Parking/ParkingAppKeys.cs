using ControlCenter.Host.Credentials;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Parking;

/// <summary>The drivers' app keys configured in <c>Parking:AppKeys</c> (administrators can make more over the API).</summary>
public sealed class ParkingAppOptions
{
    public const string Section = "Parking";

    public List<ParkingAppKey> AppKeys { get; set; } = [];

    /// <summary>A JSON file of the operators' tariffs; the example tariff when not set.</summary>
    public string? TariffFile { get; set; }
}

public sealed class ParkingAppKey
{
    public string Name { get; set; } = "";
    public string Key { get; set; } = "";
}

/// <summary>Who an app key belongs to: the id its sessions and holds are owned by, and its name.</summary>
public sealed record ParkingApp(string Id, string Name);

/// <summary>The app keys in force, configured and stored (kind <c>parking-app</c>), looked up by hash like ingest keys.</summary>
public sealed class ParkingAppKeyRing(IOptions<ParkingAppOptions> options)
{
    public const string Kind = "parking-app";

    private readonly SecretRing<ParkingApp> _ring = new(
        options.Value.AppKeys.Select(k => (k.Key, new ParkingApp("config:" + k.Name, k.Name))), Kind, c => new ParkingApp(c.Id, c.Name));

    public ParkingApp? Find(string? presented) => _ring.Find(presented);

    public void Reload(IEnumerable<StoredCredential> stored) => _ring.Reload(stored);
}
