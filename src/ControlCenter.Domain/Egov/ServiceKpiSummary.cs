using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Egov;

/// <summary>A department in the summary: its latest month on record, its figures then, and its target.</summary>
public sealed record DepartmentStanding(string Department, string Name, string NameEn, string Month, KpiFigures Figures, double TargetPct)
{
    /// <summary>Below target on time (a month with nothing settled has no rate and is not below).</summary>
    public bool BelowTarget => Figures.OnTimePct < TargetPct;
}

/// <summary>
/// The city's latest month: totals over the departments that reported it, the year to date up to it (the
/// programme reports a yearly on-time rate), and each department's standing with its target.
/// </summary>
public sealed record ServiceKpiSummary(
    string? Month, KpiFigures Totals, KpiFigures YearToDate, IReadOnlyList<DepartmentStanding> Departments, double BaselinePct, double DefaultTargetPct)
{
    public static ServiceKpiSummary Of(IReadOnlyCollection<ServiceFigures> rows, EgovPack pack)
    {
        var month = rows.Count == 0 ? null : rows.Select(r => r.Month).Max(StringComparer.Ordinal);
        var totals = KpiFigures.Sum(rows.Where(r => r.Month == month).Select(r => r.Figures));
        var yearToDate = month is null ? KpiFigures.Zero
            : KpiFigures.Sum(rows.Where(r => r.Month.StartsWith(month[..5], StringComparison.Ordinal) && string.CompareOrdinal(r.Month, month) <= 0).Select(r => r.Figures));
        var departments = Latest(rows)
            .Select(r => new DepartmentStanding(r.Department, r.Name, r.NameEn, r.Month, r.Figures, pack.TargetFor(r.Department)))
            .OrderBy(d => d.Department, StringComparer.Ordinal)
            .ToList();
        return new ServiceKpiSummary(month, totals, yearToDate, departments, pack.BaselineOnTimePct, pack.DefaultOnTimeTargetPct);
    }

    /// <summary>Each department's row of its latest month.</summary>
    public static IEnumerable<ServiceFigures> Latest(IEnumerable<ServiceFigures> rows) =>
        rows.GroupBy(r => r.Department, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.Month, StringComparer.Ordinal)!);

    /// <summary>One department's months, oldest first.</summary>
    public static IReadOnlyList<ServiceFigures> Trend(IEnumerable<ServiceFigures> rows, string department) =>
        [.. rows.Where(r => r.Department == department).OrderBy(r => r.Month, StringComparer.Ordinal)];
}
