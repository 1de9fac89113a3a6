using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>Street flood depth levels: none, warning (passable with care), major (motorbikes stall), critical.</summary>
public static class FloodLevel
{
    /// <param name="alertLevelCm">The site's own alert level (FIWARE alertLevel), if the catalogue sets one.</param>
    /// <param name="dangerLevelCm">The site's own danger level (FIWARE dangerLevel), if set.</param>
    public static string Of(double depthCm, FloodPack pack, double? alertLevelCm = null, double? dangerLevelCm = null) =>
        depthCm >= (dangerLevelCm ?? pack.CriticalCm) ? "critical"
        : depthCm >= (alertLevelCm ?? pack.MajorCm) ? "major"
        : depthCm >= pack.WarningCm ? "warning"
        : "none";

    public static EntityStatus StatusOf(string level) => level switch
    {
        "critical" or "major" => EntityStatus.Alert,
        "warning" => EntityStatus.Warning,
        _ => EntityStatus.Ok,
    };
}
