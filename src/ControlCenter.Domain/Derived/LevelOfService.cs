using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>Traffic level of service from mean speed as a share of free-flow speed.</summary>
public static class LevelOfService
{
    public const string FreeFlowing = "free-flowing";
    public const string Dense = "dense";
    public const string Congested = "congested";
    public const string Jammed = "jammed";

    public static string Of(double speedKmh, double freeFlowSpeedKmh, TrafficPack pack)
    {
        var ratio = speedKmh / freeFlowSpeedKmh;
        return ratio >= pack.FreeFlowingRatio ? FreeFlowing
            : ratio >= pack.DenseRatio ? Dense
            : ratio >= pack.CongestedRatio ? Congested
            : Jammed;
    }

    /// <summary>
    /// A junction's overall level: the volume-weighted speed ratio over its approaches (each approach's ratio
    /// counts by its volume, or equally when no volumes are known).
    /// </summary>
    public static string Overall(IReadOnlyCollection<(double SpeedKmh, double FreeFlowKmh, double Volume)> approaches, TrafficPack pack)
    {
        if (approaches.Count == 0) return FreeFlowing;
        var totalVolume = approaches.Sum(a => a.Volume);
        var ratio = totalVolume > 0
            ? approaches.Sum(a => a.SpeedKmh / a.FreeFlowKmh * a.Volume) / totalVolume
            : approaches.Average(a => a.SpeedKmh / a.FreeFlowKmh);
        return Of(ratio, 1, pack);
    }

    public static EntityStatus StatusOf(string level) => level switch
    {
        Jammed => EntityStatus.Alert,
        Congested => EntityStatus.Warning,
        _ => EntityStatus.Ok,
    };
}
