using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Parking lots as <c>OffStreetParking</c> (dataModel.Parking): capacity, free and occupied spaces, occupancy and
/// status, chosen one by one from the lot's figures. Sessions, plates, holds, takings and an operator's closing
/// note are never read. <c>status</c> always says open, closed (operator) or closedAbnormal (flood);
/// spacesAvailable or full are added only while the counts are fresh, since a lot whose sensors went quiet cannot
/// tell. <c>occupancyDetectionType</c> is singleSpaceDetection for spot sensors, balancing for a gate counter.
/// </summary>
public sealed class OffStreetParkingModel : NgsiLdModel
{
    public const string TypeName = "OffStreetParking";

    public override string Type => TypeName;

    public override string Topic => "parking";

    protected override string Subject => "Parking";

    public override IEnumerable<string> Ids(CityCatalog catalog) => catalog.ParkingLots.Select(l => l.Id);

    public override NgsiLdEntity? Entity(string catalogueId, NgsiLdSource source)
    {
        if (source.Catalog.FindLot(catalogueId) is not { } lot) return null;
        var state = source.State(lot.Id);
        var derived = state?.Derived;
        var counted = state?.Ts;
        var byGate = source.Catalog.SensorsOf(lot.Id).Any(s => s.Kind == SensorKinds.ParkingGate && !s.Retired);
        var entity = source.Describe(new NgsiLdEntityBuilder(Type, lot.Id), lot.Name, lot.NameEn, lot.Lat, lot.Lon, lot.ZoneId, lot.Street)
            .Property("category", new JsonArray("public", "feeCharged"))
            .Property("occupancyDetectionType", new JsonArray(byGate ? "balancing" : "singleSpaceDetection"))
            .Property("totalSpotNumber", lot.Capacity)
            .Property("status", Status(state), counted);
        if (counted is { } at)
        {
            entity.Property("availableSpotNumber", DerivedFigures.Whole(derived, "free") is { } free ? Math.Max(0, free) : null, at)
                .Property("occupiedSpotNumber", DerivedFigures.Whole(derived, "occupied") is { } occupied ? Math.Max(0, occupied) : null, at)
                .Measured("occupancy", DerivedFigures.Number(derived, "occupancy") is { } o ? Math.Clamp(o, 0, 1) : null, at, "C62", decimals: 3)
                .Time("observationDateTime", at);
        }

        return entity.Build();
    }

    private static JsonArray Status(EntityState? state)
    {
        var derived = state?.Derived;
        if (DerivedFigures.Flag(derived, "available") is false)
            return new JsonArray(DerivedFigures.Text(derived, "unavailableReason") == "flood" ? "closedAbnormal" : "closed");
        if (state is null || !NgsiLdSource.IsFresh(state)) return new JsonArray("open");
        return new JsonArray("open", DerivedFigures.Flag(derived, "full") is true ? "full" : "spacesAvailable");
    }
}
