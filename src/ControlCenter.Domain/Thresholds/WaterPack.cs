namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// West Lake water: QCVN 08:2023/BTNMT lake classes A and B (mg/L unless stated; "verify" in thresholds.md)
/// and the operational dissolved-oxygen lines that matter more on a live wall.
/// </summary>
public sealed record WaterPack
{
    public const string PackId = "qcvn-08-2023-lake";

    public double DoWarningMgL { get; init; } = 4;
    public double DoCriticalMgL { get; init; } = 2;

    /// <summary>Upper limits for class A then class B; "do" is a lower limit.</summary>
    public IReadOnlyDictionary<string, WaterLimit> Limits { get; init; } = new Dictionary<string, WaterLimit>
    {
        ["bod5"] = new(4, 6),
        ["cod"] = new(10, 15),
        ["tss"] = new(5, 15),
        ["do"] = new(6.0, 5.0, LowerIsWorse: true),
        ["coliform"] = new(1000, 5000),
        // NH4+ has one health limit; it is used for both classes.
        ["nh4"] = new(0.3, 0.3),
    };
}

/// <summary>A parameter's class A and class B limit; for oxygen the limits are minimums.</summary>
public sealed record WaterLimit(double ClassA, double ClassB, bool LowerIsWorse = false);
