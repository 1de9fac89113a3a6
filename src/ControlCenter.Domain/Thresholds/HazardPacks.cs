namespace ControlCenter.Domain.Thresholds;

/// <summary>Rain intensity over accumulated windows (mm), thresholds.md "Rain and flooding".</summary>
public sealed record RainPack
{
    public double ModerateMmPerHour { get; init; } = 2.5;
    public double HeavyMmPerHour { get; init; } = 10;
    public double ViolentMmPerHour { get; init; } = 50;
    /// <summary>Vietnam's forecast centre warns on more than this in 3 h.</summary>
    public double Warning3hMm { get; init; } = 100;
}

/// <summary>Street water depth (cm): passable with care, motorbikes stall, impassable for cars.</summary>
public sealed record FloodPack
{
    public double WarningCm { get; init; } = 10;
    public double MajorCm { get; init; } = 20;
    public double CriticalCm { get; init; } = 40;
}

/// <summary>Level of service by mean speed as a share of free-flow speed.</summary>
public sealed record TrafficPack
{
    public double FreeFlowingRatio { get; init; } = 0.70;
    public double DenseRatio { get; init; } = 0.50;
    public double CongestedRatio { get; init; } = 0.30;
    public int JamMinutesBeforeAlert { get; init; } = 5;
}

/// <summary>Lot fullness.</summary>
public sealed record ParkingPack
{
    public double FullRatio { get; init; } = 0.95;
    public double NearlyFullRatio { get; init; } = 0.90;
}

/// <summary>Sensor health by missed reporting intervals.</summary>
public sealed record HealthPack
{
    public int StaleAfterIntervals { get; init; } = 3;
    public int OfflineAfterIntervals { get; init; } = 10;
}
