namespace ControlCenter.Domain.Catalog;

/// <summary>The sensor kinds of the public contract; their names are part of the API.</summary>
public static class SensorKinds
{
    public const string Air = "air";
    public const string Water = "water";
    public const string Rain = "rain";
    public const string Flood = "flood";
    public const string ParkingSpot = "parking-spot";
    public const string ParkingGate = "parking-gate";
    public const string Traffic = "traffic";

    public static readonly IReadOnlyList<string> All = [Air, Water, Rain, Flood, ParkingSpot, ParkingGate, Traffic];

    /// <summary>The feed domain a sensor kind belongs to (parking spots and gates are both "parking").</summary>
    public static string DomainOf(string kind) => kind is ParkingSpot or ParkingGate ? "parking" : kind;
}
