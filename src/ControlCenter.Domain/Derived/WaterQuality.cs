using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>A lake reading against the water pack: per-parameter class, the worst class, and the oxygen level.</summary>
public sealed record WaterQuality(IReadOnlyDictionary<string, string> ParameterClasses, string WorstClass, string DoLevel)
{
    public static WaterQuality Assess(IReadOnlyDictionary<string, double> values, WaterPack pack)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (metric, limit) in pack.Limits)
        {
            if (!values.TryGetValue(metric, out var v)) continue;
            classes[metric] = limit.LowerIsWorse
                ? v >= limit.ClassA ? "A" : v >= limit.ClassB ? "B" : "beyond-B"
                : v <= limit.ClassA ? "A" : v <= limit.ClassB ? "B" : "beyond-B";
        }

        var worst = classes.ContainsValue("beyond-B") ? "beyond-B" : classes.ContainsValue("B") ? "B" : classes.Count > 0 ? "A" : "unknown";
        var doLevel = !values.TryGetValue("do", out var oxygen) ? "unknown"
            : oxygen < pack.DoCriticalMgL ? "critical"
            : oxygen < pack.DoWarningMgL ? "warning"
            : "ok";
        return new WaterQuality(classes, worst, doLevel);
    }

    public EntityStatus Status => DoLevel == "critical" ? EntityStatus.Alert
        : DoLevel == "warning" || WorstClass == "beyond-B" ? EntityStatus.Warning
        : EntityStatus.Ok;
}
