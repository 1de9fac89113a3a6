using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Egov;

namespace ControlCenter.Host.Egov;

/// <summary>The counts and the shares they give, as the API shows them for a department, a month or the city.</summary>
public sealed record FiguresView(
    long ProceduresInForce, long ApplicationsReceived, long Settled, long SettledOnTime, long Overdue, long OnlineLevel3, long OnlineLevel4,
    double? OnTimePct, double? OnlinePct, double? Level4Pct)
{
    public static FiguresView Of(KpiFigures f) => new(
        f.ProceduresInForce, f.ApplicationsReceived, f.Settled, f.SettledOnTime, f.Overdue, f.OnlineLevel3, f.OnlineLevel4, f.OnTimePct, f.OnlinePct, f.Level4Pct);
}

/// <summary>A stored row of <c>GET /api/v1/egov/figures</c>.</summary>
public sealed record RowView(
    string Department, string Name, string NameEn, string Month, long ProceduresInForce, long ApplicationsReceived, long Settled,
    long SettledOnTime, long Overdue, long OnlineLevel3, long OnlineLevel4, DateTimeOffset? ImportedAt, string? ImportedBy)
{
    public static RowView Of(ServiceKpiRow r) => new(
        r.Department, r.Name, r.NameEn, r.Month, r.ProceduresInForce, r.ApplicationsReceived, r.Settled, r.SettledOnTime, r.Overdue,
        r.OnlineLevel3, r.OnlineLevel4, r.ImportedAt, r.ImportedBy);
}

public sealed record DepartmentView(string Department, string Name, string NameEn, string Month, double TargetPct, bool BelowTarget, FiguresView Figures);

public sealed record YearToDateView(string From, string To, FiguresView Figures);

/// <summary><c>GET /api/v1/egov/summary</c>.</summary>
public sealed record SummaryView(
    string? Month, double BaselineOnTimePct, double DefaultTargetPct, FiguresView City, YearToDateView? YearToDate, IReadOnlyList<DepartmentView> Departments)
{
    public static SummaryView Of(ServiceKpiSummary s) => new(
        s.Month, s.BaselinePct, s.DefaultTargetPct, FiguresView.Of(s.Totals),
        s.Month is { } month ? new YearToDateView(month[..5] + "01", month, FiguresView.Of(s.YearToDate)) : null,
        [.. s.Departments.Select(d => new DepartmentView(d.Department, d.Name, d.NameEn, d.Month, d.TargetPct, d.BelowTarget, FiguresView.Of(d.Figures)))]);
}

public sealed record MonthView(string Month, bool BelowTarget, FiguresView Figures);

/// <summary><c>GET /api/v1/egov/departments/{id}</c>: the department's months, oldest first.</summary>
public sealed record TrendView(string Department, string Name, string NameEn, double TargetPct, IReadOnlyList<MonthView> Months);

/// <summary>One row error of a refused import.</summary>
public sealed record RowErrorView(int Line, string Field, string Code, string Reason);

/// <summary>The answer to an accepted import.</summary>
public sealed record EgovImportedView(int Imported, int Added, int Replaced, long Version);

/// <summary>
/// One row of a JSON import, as the contract describes it (the import reads the body itself, field by field,
/// so that it can name every wrong one; see ServiceFiguresJson).
/// </summary>
public sealed record EgovImportRow(
    string Department, string Name, string NameEn, string Month, long ProceduresInForce, long ApplicationsReceived, long Settled,
    long SettledOnTime, long Overdue, long OnlineLevel3, long OnlineLevel4);
