using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open.Ngsi.Models;

/// <summary>
/// Each space's sensor as a <c>ParkingSpot</c> (dataModel.Parking), part of its lot's <c>OffStreetParking</c>
/// (<c>refParkingSite</c>). Only the sensor's occupied flag is read: nothing of who parks there (no session, plate,
/// hold or fee). <c>status</c> is <c>unknown</c> when the sensor has never reported or has missed its reports, and
/// <c>closed</c> while the lot is closed (flood or operator).
/// </summary>
public sealed class ParkingSpotModel : SensorModel
{
    public override string Type => "ParkingSpot";

    protected override string Subject => "Parking";

    protected override string Kind => SensorKinds.ParkingSpot;

    protected override NgsiLdEntity? Build(Sensor sensor, EntityState? state, NgsiLdSource source)
    {
        if (sensor.ParentId is not { } lotId || source.Catalog.FindLot(lotId) is not { } lot) return null;
        return source.Describe(new NgsiLdEntityBuilder(Type, sensor.Id), sensor.Name, sensor.NameEn, sensor.Lat, sensor.Lon, sensor.ZoneId, lot.Street)
            .Text("status", Status(state, source.State(lotId)), state?.Ts)
            .Property("category", new JsonArray("offStreet"))
            .Relationship("refParkingSite", NgsiLdUrn.Of(OffStreetParkingModel.TypeName, lotId))
            .Time("timeInstant", state?.Ts)
            .Build();
    }

    private static string Status(EntityState? spot, EntityState? lot)
    {
        if (DerivedFigures.Flag(lot?.Derived, "available") is false) return "closed";
        if (spot is null || !NgsiLdSource.IsFresh(spot) || DerivedFigures.Value(spot.Values, "occupied") is not { } occupied) return "unknown";
        return occupied >= 1 ? "occupied" : "free";
    }
}
