using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Grains.Aggregates;

/// <summary>Finds the grain behind a catalogue id and asks it for its summary.</summary>
public static class MemberFetch
{
    public static Task<MemberSummary> Summary(IGrainFactory grains, CityCatalog catalog, string id) =>
        catalog.EntityKindOf(id) switch
        {
            EntityKinds.ParkingLot => grains.GetGrain<IParkingLotGrain>(id).GetSummary(),
            EntityKinds.Junction => grains.GetGrain<IJunctionGrain>(id).GetSummary(),
            EntityKinds.Zone => grains.GetGrain<IZoneGrain>(id).GetSummary(),
            null or EntityKinds.City => throw new ArgumentException($"'{id}' is not a catalogue member.", nameof(id)),
            _ => grains.GetGrain<ISensorGrain>(id).GetSummary(),
        };

    public static IEntityGrain Entity(IGrainFactory grains, CityCatalog catalog, string id) =>
        catalog.EntityKindOf(id) switch
        {
            EntityKinds.ParkingLot => grains.GetGrain<IParkingLotGrain>(id),
            EntityKinds.Junction => grains.GetGrain<IJunctionGrain>(id),
            EntityKinds.Zone => grains.GetGrain<IZoneGrain>(id),
            EntityKinds.City => grains.GetGrain<ICityGrain>(EntityKinds.CityId),
            null => throw new ArgumentException($"'{id}' is not in the catalogue.", nameof(id)),
            _ => grains.GetGrain<ISensorGrain>(id),
        };
}
