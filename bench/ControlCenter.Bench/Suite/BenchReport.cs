using System.Globalization;
using System.Text;

namespace ControlCenter.Bench.Suite;

/// <summary>The rows a run measured, rendered as the Markdown table docs/benchmarks.md carries.</summary>
public sealed class BenchReport
{
    private readonly List<(string Measurement, string Configuration, string Figure, string Target, string Status)> _rows = [];

    public void Add(string measurement, string configuration, string figure, string target = "", bool? met = null) =>
        _rows.Add((measurement, configuration, figure, target, met switch { true => "met", false => "**not met**", null => "" }));

    public static string Number(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public string Render(string header)
    {
        var text = new StringBuilder(header).AppendLine().AppendLine();
        text.AppendLine("| measurement | configuration | figure | target | status |").AppendLine("|---|---|---|---|---|");
        foreach (var row in _rows) text.AppendLine(CultureInfo.InvariantCulture, $"| {row.Measurement} | {row.Configuration} | {row.Figure} | {row.Target} | {row.Status} |");
        return text.ToString();
    }
}
