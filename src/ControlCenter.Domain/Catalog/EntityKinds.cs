namespace ControlCenter.Domain.Catalog;

/// <summary>Kinds of entities that are not sensors; sensors use their <see cref="SensorKinds"/> name.</summary>
public static class EntityKinds
{
    public const string ParkingLot = "parking-lot";
    public const string Junction = "junction";
    public const string Zone = "zone";
    public const string City = "city";

    /// <summary>The id of the one city-wide summary entity.</summary>
    public const string CityId = "city";
}
