namespace ControlCenter.Host.Open;

/// <summary>The open data API's answers: each is <see cref="OpenData{T}"/> around one of these.</summary>
public static partial class OpenEndpoints
{
    /// <summary>Every JSON answer: the licence and the source to attribute, then the data.</summary>
    public sealed record OpenData<T>(string Licence, string Source, T Data);

    public sealed record SummaryView(
        IReadOnlyList<OpenViews.AirStation> Air, IReadOnlyList<OpenViews.WaterStation> Water, IReadOnlyList<OpenViews.RainGauge> Rain,
        IReadOnlyList<OpenViews.FloodPoint> Flood, IReadOnlyList<OpenViews.ParkingLot> Parking, OpenViews.Tourism Tourism,
        IReadOnlyList<OpenViews.Warning> Warnings);

    public sealed record AirView(string Standard, IReadOnlyList<OpenViews.AirStation> Stations);

    public sealed record WaterView(string Standard, IReadOnlyList<OpenViews.WaterStation> Stations);

    public sealed record RainView(IReadOnlyList<OpenViews.RainGauge> Gauges);

    public sealed record FloodView(IReadOnlyList<OpenViews.FloodPoint> Points);

    public sealed record ParkingView(IReadOnlyList<OpenViews.ParkingLot> Lots);

    public sealed record TrafficView(IReadOnlyList<OpenViews.Junction> Junctions);

    public sealed record WarningsView(IReadOnlyList<OpenViews.Warning> Warnings);

    public sealed record AirHistoryView(string StationId, string Standard, string Unit, IReadOnlyList<OpenHistory.AirHour> Hours);

    public sealed record WaterHistoryView(string StationId, string Metric, string Unit, IReadOnlyList<OpenHistory.MetricHour> Hours);
}
