namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// Every number the derived figures and rules use, grouped per standard. Rules read these packs and never
/// hold threshold literals of their own; the defaults are thresholds.md.
/// </summary>
public sealed record ThresholdPacks
{
    public int Version { get; init; } = 1;
    public VnAqiPack VnAqi { get; init; } = new();
    public WaterPack Water { get; init; } = new();
    public RainPack Rain { get; init; } = new();
    public FloodPack Flood { get; init; } = new();
    public TrafficPack Traffic { get; init; } = new();
    public ParkingPack Parking { get; init; } = new();
    public HealthPack Health { get; init; } = new();
    public UsAqiPack UsAqi { get; init; } = new();
    public AlertingPack Alerting { get; init; } = new();
    public TourismPack Tourism { get; init; } = new();
    public EgovPack Egov { get; init; } = new();

    public static ThresholdPacks Defaults { get; } = new();
}
