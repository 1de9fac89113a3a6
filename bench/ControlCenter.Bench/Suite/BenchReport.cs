using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ControlCenter.Bench.Suite;

/// <summary>
/// The rows a run measured, rendered as the Markdown table docs/benchmarks.md carries. Each row names the run that
/// measured it, so a partial run (<c>BENCH_ONLY</c>) can keep the rows it did not measure beside the ones it did.
/// </summary>
public sealed partial class BenchReport
{
    private const string TableHead = "| measurement | configuration | figure | target | status | run |";

    private readonly List<Row> _rows = [];

    public void Add(string measurement, string configuration, string figure, string target = "", bool? met = null) =>
        _rows.Add(new Row(measurement, configuration, figure, target, met switch { true => "met", false => "**not met**", null => "" }, ""));

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <param name="header">This run's description; its first words are <c>Run yyyy-MM-dd HH:mm UTC</c>.</param>
    /// <param name="previous">The block an earlier run wrote: its rows this run did not measure are kept, in place.</param>
    public string Render(string header, string? previous = null)
    {
        var stamp = StampOf(header) ?? "?";
        var rows = _rows.Select(r => r with { Run = stamp }).ToList();
        var headers = new List<string> { header };
        if (previous is not null) (rows, headers) = Merge(rows, headers, previous);

        var text = new StringBuilder(string.Join("\n\n", headers)).AppendLine().AppendLine();
        text.AppendLine(TableHead).AppendLine("|---|---|---|---|---|---|");
        foreach (var r in rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {r.Measurement} | {r.Configuration} | {r.Figure} | {r.Target} | {r.Status} | {r.Run} |");
        return text.ToString();
    }

    /// <summary>Old rows stay where they were; a re-measured row replaces its old self; a new row follows the row measured before it.</summary>
    private static (List<Row>, List<string>) Merge(List<Row> measured, List<string> headers, string previous)
    {
        var lines = previous.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var oldHeaders = lines.Where(l => l.StartsWith("Run ", StringComparison.Ordinal)).ToList();
        var oldStamp = oldHeaders.Select(StampOf).FirstOrDefault() ?? "?";
        var merged = lines.Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l != TableHead && !l.StartsWith("| measurement", StringComparison.Ordinal))
            .Select(l => Row.Parse(l, oldStamp)).ToList();
        var at = -1;
        foreach (var row in measured)
        {
            var same = merged.FindIndex(r => r.Measurement == row.Measurement && Setup(r.Configuration) == Setup(row.Configuration));
            if (same >= 0) merged[at = same] = row;
            else merged.Insert(at = at < 0 ? merged.Count : at + 1, row);
        }

        var stillShown = merged.Select(r => r.Run).ToHashSet(StringComparer.Ordinal);
        headers.AddRange(oldHeaders.Where(h => StampOf(h) is { } s && s != StampOf(headers[0]) && stillShown.Contains(s)));
        return (merged, headers);
    }

    /// <summary>A configuration without what the run achieved ("(achieved 19,809)"), which differs between runs of one setup.</summary>
    private static string Setup(string configuration) => Achieved().Replace(configuration, "");

    [GeneratedRegex(@"\s*\(achieved [^)]*\)")]
    private static partial Regex Achieved();

    private static string? StampOf(string header) => RunStamp().Match(header) is { Success: true } m ? m.Groups[1].Value : null;

    [GeneratedRegex(@"^Run (\d{4}-\d\d-\d\d \d\d:\d\d) UTC")]
    private static partial Regex RunStamp();

    private sealed record Row(string Measurement, string Configuration, string Figure, string Target, string Status, string Run)
    {
        /// <remarks>Tables written before rows named their run have five columns: those rows are the single run's of their block.</remarks>
        public static Row Parse(string line, string blockStamp)
        {
            var cells = line.Trim()[1..^1].Split('|').Select(c => c.Trim()).ToArray();
            string Cell(int i) => i < cells.Length ? cells[i] : "";
            return new Row(Cell(0), Cell(1), Cell(2), Cell(3), Cell(4), cells.Length > 5 ? Cell(5) : blockStamp);
        }
    }
}
