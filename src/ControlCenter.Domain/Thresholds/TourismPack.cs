namespace ControlCenter.Domain.Thresholds;

/// <summary>Crowding at tourist points by the share of capacity present, and what the tourism rules wait for.</summary>
public sealed record TourismPack
{
    public double BusyRatio { get; init; } = 0.5;
    public double CrowdedRatio { get; init; } = 0.8;
    public double OvercrowdedRatio { get; init; } = 1.0;
    /// <summary>A point stays crowded until its share falls this far below the line (hysteresis).</summary>
    public double ClearMarginRatio { get; init; } = 0.05;
    /// <summary>A crowd must last this long before it raises: a tour group passing the gate does not.</summary>
    public int CrowdedMinutesBeforeAlert { get; init; } = 10;
    /// <summary>The crowding level (0 comfortable … 3 overcrowded) from which poor air becomes a visitors' advisory.</summary>
    public int CrowdAirMinLevel { get; init; } = 1;
}
