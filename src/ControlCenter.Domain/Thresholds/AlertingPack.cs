namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// How the alert rules behave over time and space: how long a condition must hold before it alerts, how far
/// back from a line a value must come before it clears (hysteresis), how long it must stay clear before the
/// alert resolves by itself, and how long an unacknowledged alert waits before it escalates.
/// </summary>
public sealed record AlertingPack
{
    /// <summary>A cleared condition must stay clear this long before its alert resolves itself.</summary>
    public int ClearHoldMinutes { get; init; } = 10;

    /// <summary>A lot must stay full this long before it alerts.</summary>
    public int LotFullMinutes { get; init; } = 5;

    /// <summary>Unacknowledged alerts escalate one level per window; 0 never escalates.</summary>
    public int EscalateCriticalMinutes { get; init; } = 5;
    public int EscalateMajorMinutes { get; init; } = 15;
    public int EscalateMinorMinutes { get; init; } = 30;
    public int EscalateWarningMinutes { get; init; } = 60;
    public int EscalateInfoMinutes { get; init; }

    /// <summary>Hysteresis: how far back over a line a value must come before its level drops.</summary>
    public double AqiClearMargin { get; init; } = 5;
    public double DoClearMarginMgL { get; init; } = 0.3;
    public double RainClearMarginMm { get; init; } = 1;
    public double FloodClearMarginCm { get; init; } = 2;
    /// <summary>Lake parameters other than oxygen clear this share below their limit.</summary>
    public double WaterClearMarginRatio { get; init; } = 0.05;

    /// <summary>Flood → traffic: a flood sensor this close to a junction can be what jams it.</summary>
    public double FloodNearJunctionM { get; init; } = 300;

    /// <summary>Flood → parking: a lot this close to a flooded sensor is unavailable.</summary>
    public double FloodNearLotM { get; init; } = 300;

    /// <summary>Traffic → air: the station's AQI must have risen at least this much over the last hour.</summary>
    public double AqiRiseMin { get; init; } = 10;

    /// <summary>Traffic → air: a jammed junction counts for a station this close.</summary>
    public double JamNearStationM { get; init; } = 2000;

    /// <summary>Rain → West Lake: an oxygen fall over 3 hours beyond this is a fish-kill risk after heavy rain.</summary>
    public double DoDrop3hMgL { get; init; } = 2;

    /// <summary>Zone outage: this many sensors of one zone going stale within the window is one outage.</summary>
    public int OutageMinSensors { get; init; } = 3;
    public int OutageWindowSeconds { get; init; } = 60;

    public int EscalationMinutes(string severity) => severity switch
    {
        Alerts.Severities.Critical => EscalateCriticalMinutes,
        Alerts.Severities.Major => EscalateMajorMinutes,
        Alerts.Severities.Minor => EscalateMinorMinutes,
        Alerts.Severities.Warning => EscalateWarningMinutes,
        _ => EscalateInfoMinutes,
    };
}
