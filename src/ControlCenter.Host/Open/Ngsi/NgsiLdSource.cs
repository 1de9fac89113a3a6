using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// Everything the models read: the catalogue and the public picture of the city (never a grain), the threshold
/// packs for the flood levels a site does not set itself, and the publisher's name.
/// </summary>
public sealed record NgsiLdSource(CityCatalog Catalog, OpenCity City, ThresholdSource Thresholds, OpenDataOptions Options)
{
    public EntityState? State(string id) => City.State(id);

    /// <summary>A sensor that missed its reports still publishes its last reading, marked where its model allows.</summary>
    public static bool IsFresh(EntityState state) =>
        state.Ts is not null && state.Status != EntityStatus.Stale.ToWire() && state.Status != EntityStatus.Offline.ToWire();

    /// <summary>
    /// The attributes every entity carries: where it is and what it is called (Vietnamese name, English as the
    /// alternate), the district it serves, and who publishes it.
    /// </summary>
    public NgsiLdEntityBuilder Describe(
        NgsiLdEntityBuilder entity, string name, string nameEn, double lat, double lon, string zoneId, string? street = null)
    {
        var district = Catalog.FindZone(zoneId)?.Name;
        var address = new JsonObject { ["addressCountry"] = "VN", ["addressLocality"] = Catalog.City };
        if (district is not null) address["district"] = district;
        if (street is not null) address["streetAddress"] = street;
        return entity
            .Location(lat, lon)
            .Text("name", name)
            .Text("alternateName", nameEn)
            .Text("areaServed", district)
            .Property("address", address)
            .Text("dataProvider", Options.Source);
    }
}
