using ControlCenter.Host.Open.Ngsi.Models;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>The closed set of entity types this surface publishes; a type not here is a client's mistake.</summary>
public static class NgsiLdModels
{
    public static readonly IReadOnlyList<NgsiLdModel> All =
    [
        new AirQualityObservedModel(), new WaterQualityObservedModel(), new WeatherObservedModel(), new FloodMonitoringModel(),
        new OffStreetParkingModel(), new ParkingSpotModel(), new TrafficFlowObservedModel(),
    ];

    public static IReadOnlyList<string> TypeNames { get; } = [.. All.Select(m => m.Type)];

    /// <summary>Type names are compared exactly, as NGSI-LD compares them.</summary>
    public static NgsiLdModel? Find(string? type) => All.FirstOrDefault(m => string.Equals(m.Type, type, StringComparison.Ordinal));
}
