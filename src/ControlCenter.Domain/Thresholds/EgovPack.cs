namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// Administrative-procedure targets (docs/egov.md): the share of applications settled on time each department
/// must reach, the city's 2017 baseline the wall compares against, and how far below target turns minor into major.
/// </summary>
public sealed record EgovPack
{
    /// <summary>The on-time target of a department without its own (per cent).</summary>
    public double DefaultOnTimeTargetPct { get; init; } = 95;

    /// <summary>The city's 2017 figure from its administrative-reform programme: 97.33 % settled on time.</summary>
    public double BaselineOnTimePct { get; init; } = 97.33;

    /// <summary>A rate more than this many points below target is major, else minor.</summary>
    public double MajorBelowTargetPoints { get; init; } = 5;

    /// <summary>Targets of their own, by department id (per cent).</summary>
    public IReadOnlyDictionary<string, double> DepartmentTargets { get; init; } = new Dictionary<string, double>();

    public double TargetFor(string department) =>
        DepartmentTargets.TryGetValue(department, out var target) ? target : DefaultOnTimeTargetPct;
}
