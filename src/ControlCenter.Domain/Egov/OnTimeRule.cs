using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Egov;

/// <summary>What the on-time rule sees for one department: its latest month, the rate then and its target.</summary>
public sealed record OnTimeVerdict(string Department, string Name, string NameEn, string Month, double? RatePct, double TargetPct, string? Severity)
{
    public bool Firing => Severity is not null;
}

/// <summary>
/// <c>egov.on-time-below-target</c>: a department whose latest month's on-time rate is below its target is
/// minor, and major when more than <see cref="EgovPack.MajorBelowTargetPoints"/> below. A month with nothing
/// settled has no rate: it neither raises nor clears.
/// </summary>
public static class OnTimeRule
{
    public static IReadOnlyList<OnTimeVerdict> Evaluate(IEnumerable<ServiceFigures> rows, EgovPack pack) =>
        [.. ServiceKpiSummary.Latest(rows).OrderBy(r => r.Department, StringComparer.Ordinal).Select(r => Judge(r, pack))];

    public static OnTimeVerdict Judge(ServiceFigures row, EgovPack pack)
    {
        var target = pack.TargetFor(row.Department);
        var rate = row.Figures.OnTimePct;
        var severity = rate is not { } r || r >= target ? null
            : target - r > pack.MajorBelowTargetPoints ? Severities.Major : Severities.Minor;
        return new OnTimeVerdict(row.Department, row.Name, row.NameEn, row.Month, rate, target, severity);
    }
}
