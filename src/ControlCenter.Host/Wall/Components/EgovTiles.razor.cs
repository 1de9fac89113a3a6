using System.Globalization;
using ControlCenter.Domain.Egov;
using ControlCenter.Host.Egov;
using Microsoft.AspNetCore.Components;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// The e-government tiles and their drill-down, drawn from this host's <see cref="EgovBoard"/> and redrawn when
/// an import lands (the board's <see cref="EgovBoard.Changed"/>, raised off the circuit, so through InvokeAsync).
/// </summary>
public sealed partial class EgovTiles : IDisposable
{
    private const int ChartWidth = 560;
    private const int ChartHeight = 170;
    private const int Left = 44;
    private const int Right = 12;
    private const int Top = 10;
    private const int Bottom = 22;

    private bool _open;
    private string? _department;

    [Inject] private EgovBoard Board { get; set; } = null!;

    private sealed record Mark(string Month, double X, double Y, double Rate, bool Below);

    private sealed record TrendChart(string Points, IReadOnlyList<Mark> Marks, double TargetY, double Target);

    protected override void OnInitialized()
    {
        if (RendererInfo.IsInteractive) Board.Changed += OnBoardChanged;
    }

    private void OnBoardChanged() => _ = InvokeAsync(StateHasChanged);

    private void Open() => _open = true;

    private void Close() => _open = false;

    /// <summary>The department the chart shows: the one clicked, else the first below target, else the first.</summary>
    private string? Selected(ServiceKpiSummary summary) =>
        _department is { } chosen && summary.Departments.Any(d => d.Department == chosen) ? chosen
        : (summary.Departments.FirstOrDefault(d => d.BelowTarget) ?? (summary.Departments.Count > 0 ? summary.Departments[0] : null))?.Department;

    private static string DepartmentName(ServiceKpiSummary summary, string department) =>
        summary.Departments.First(d => d.Department == department) is var d && English ? d.NameEn : d.Name;

    /// <summary>The department's on-time rate per month, against its target, scaled to the chart (100 % at the top).</summary>
    private TrendChart Chart(string department)
    {
        var target = Board.TargetFor(department);
        var months = Board.Trend(department).Where(m => m.Figures.OnTimePct is not null).ToList();
        var low = Math.Floor(Math.Min(target, months.Count == 0 ? target : months.Min(m => m.Figures.OnTimePct!.Value)) - 1);
        double Y(double rate) => Top + (100 - rate) / (100 - low) * (ChartHeight - Top - Bottom);
        double X(int i) => months.Count <= 1 ? Left : Left + i * (ChartWidth - Left - Right) / (double)(months.Count - 1);
        var marks = months.Select((m, i) => new Mark(m.Month, Math.Round(X(i), 1), Math.Round(Y(m.Figures.OnTimePct!.Value), 1), m.Figures.OnTimePct!.Value, m.Figures.OnTimePct < target)).ToList();
        var points = string.Join(' ', marks.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.X},{p.Y}")));
        return new TrendChart(points, marks, Math.Round(Y(target), 1), target);
    }

    private static string Pct(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.CurrentCulture) + " %" : "–";

    private static string Invariant(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "";

    /// <summary>"12/2017" (the way Vietnamese write a month, and readable in English too).</summary>
    private static string MonthLabel(string? month) => month is null ? "" : $"{month[5..]}/{month[..4]}";

    public void Dispose() => Board.Changed -= OnBoardChanged;
}
