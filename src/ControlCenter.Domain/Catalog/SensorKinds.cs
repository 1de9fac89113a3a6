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
    /// <summary>A pedestrian counter at the entrance of a tourist point; its domain is "tourism".</summary>
    public const string VisitorCounter = "visitor-counter";

    public static readonly IReadOnlyList<string> All = [Air, Water, Rain, Flood, ParkingSpot, ParkingGate, Traffic, VisitorCounter];

    /// <summary>The feed domain a sensor kind belongs to (parking spots and gates are both "parking").</summary>
    public static string DomainOf(string kind) => kind switch
    {
        ParkingSpot or ParkingGate => "parking",
        VisitorCounter => "tourism",
        _ => kind,
    };
}
