using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Open;
using ControlCenter.Host.Wall;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// An incident written down for the record: a printable HTML page (the alert, its timeline and procedure, and each
/// evidence sensor's readings with a small chart) and a CSV of the readings, every value of every reading.
/// </summary>
public static class IncidentReport
{
    public const string CsvContentType = "text/csv; charset=utf-8";

    public const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Vietnamese letters stay letters (a printed report is read, not parsed); markup characters are escaped.</summary>
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Style = """
        body { font-family: "Noto Sans", Roboto, Arial, sans-serif; margin: 2em; color: #111; background: #fff; }
        h1 { font-size: 1.5em; margin-bottom: 0.2em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #999; }
        table { border-collapse: collapse; width: 100%; font-size: 0.9em; } td, th { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; } .meta { color: #444; } svg { background: #f7f7f7; }
        .actions { margin: 1em 0; } .actions a, .actions button { margin-right: 1em; }
        @page { size: A4; margin: 15mm; }
        @media print { .actions { display: none; } body { margin: 0; } tr, svg { page-break-inside: avoid; } h2 { page-break-after: avoid; } }
        """;

    public static string Csv(Incident incident)
    {
        var csv = new StringBuilder("alertId,sensorId,sensor,metric,unit,time,value\r\n");
        foreach (var sensor in incident.Sensors)
            foreach (var reading in sensor.Readings)
                foreach (var (metric, value) in reading.Reading.Values.OrderBy(v => v.Key, StringComparer.Ordinal))
                {
                    string[] fields = [incident.Alert.Id, sensor.Sensor.Id, sensor.Sensor.Name, metric, Metrics.For(sensor.Sensor.Kind).GetValueOrDefault(metric)?.Unit ?? "",
                        StationCsv.Time(reading.Reading.Ts), value.ToString("0.###", CultureInfo.InvariantCulture)];
                    csv.AppendJoin(',', fields.Select(StationCsv.Field)).Append("\r\n");
                }

        return csv.ToString();
    }

    public static string Page(Incident incident, CityCatalog catalog, IStringLocalizer words, bool english, string generatedBy, DateTimeOffset generatedAt)
    {
        var alert = incident.Alert;
        var title = english ? alert.TitleEn : alert.Title;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(english ? "en" : "vi").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"{words["Report.Title"]} {alert.Id} — {title}")).Append("</title><style>").Append(Style).Append("</style></head><body>");
        html.Append("<div class=\"actions\"><a href=\"/alerts/").Append(E(alert.Id)).Append("\">").Append(E(words["Report.BackToAlert"])).Append("</a>")
            .Append("<a href=\"/api/v1/alerts/").Append(E(alert.Id)).Append("/report.csv\">").Append(E(words["Report.Csv"])).Append("</a>")
            .Append("<button onclick=\"window.print()\">").Append(E(words["Report.Print"])).Append("</button></div>");
        html.Append("<h1 id=\"report-title\">").Append(E($"{words["Report.Title"]} {alert.Id}: {title}")).Append("</h1>");
        html.Append("<p class=\"meta\">").Append(E($"{words["Report.Generated"]} {Time(generatedAt)} · {generatedBy}")).Append("</p>");

        html.Append("<table id=\"report-facts\">");
        Fact(html, words["Report.Severity"], words["Severity." + alert.Severity]);
        Fact(html, words["Report.Status"], words["Status." + alert.Status]);
        Fact(html, words["Place"], EvidenceText.Place(alert.Scope, catalog, english) ?? EvidenceText.Place(alert.ZoneId ?? "", catalog, english) ?? alert.Scope);
        Fact(html, words["Raised"], Time(alert.RaisedAt));
        if (alert.AcknowledgedAt is { } ack) Fact(html, words["AcknowledgedBy"], $"{alert.AcknowledgedBy}, {Time(ack)}");
        if (alert.ResolvedAt is { } resolved) Fact(html, words["Report.Resolved"], $"{alert.ResolvedBy}, {Time(resolved)} ({alert.Resolution})");
        Fact(html, words["Count"], alert.Count.ToString(CultureInfo.InvariantCulture));
        Fact(html, words["Report.Window"], $"{Time(incident.From)} → {Time(incident.To)}");
        html.Append("</table>");

        html.Append("<h2>").Append(E(words["Timeline"])).Append("</h2><table id=\"report-timeline\"><tr><th>")
            .Append(E(words["Report.Time"])).Append("</th><th>").Append(E(words["Report.Who"])).Append("</th><th>")
            .Append(E(words["Report.Action"])).Append("</th><th>").Append(E(words["Note"])).Append("</th></tr>");
        foreach (var entry in alert.Timeline)
            html.Append("<tr><td>").Append(Time(entry.At)).Append("</td><td>").Append(E(entry.By)).Append("</td><td>")
                .Append(E(entry.Action)).Append("</td><td>").Append(E(entry.Note ?? "")).Append("</td></tr>");
        html.Append("</table>");

        html.Append("<h2>").Append(E(words["Sop"])).Append("</h2><ol>");
        foreach (var step in alert.Sop)
            html.Append("<li>").Append(step.Done ? "☑ " : "☐ ").Append(E(english ? step.TextEn : step.Text))
                .Append(step.Done ? E($" — {step.By}, {(step.At is { } at ? Time(at) : "")}") : "").Append("</li>");
        html.Append("</ol>");

        html.Append("<h2>").Append(E(words["Report.Readings"])).Append("</h2>");
        if (incident.Sensors.Count == 0) html.Append("<p>").Append(E(words["NoHistory"])).Append("</p>");
        foreach (var sensor in incident.Sensors) Readings(html, sensor, english, words);
        return html.Append("</body></html>").ToString();
    }

    private static void Readings(StringBuilder html, IncidentSensor sensor, bool english, IStringLocalizer words)
    {
        var points = sensor.Readings.Where(r => r.Reading.Values.ContainsKey(sensor.Metric)).Select(r => (r.Reading.Ts, Value: r.Reading.Values[sensor.Metric])).ToList();
        html.Append("<h3 data-sensor=\"").Append(E(sensor.Sensor.Id)).Append("\">")
            .Append(E($"{(english ? sensor.Sensor.NameEn : sensor.Sensor.Name)} — {sensor.Metric}{(sensor.Unit.Length > 0 ? $" ({sensor.Unit})" : "")}")).Append("</h3>");
        if (points.Count == 0)
        {
            html.Append("<p>").Append(E(words["NoHistory"])).Append("</p>");
            return;
        }

        html.Append(Chart(points));
        html.Append("<table class=\"report-readings\" data-sensor=\"").Append(E(sensor.Sensor.Id)).Append("\"><tr><th>")
            .Append(E(words["Report.Time"])).Append("</th><th>").Append(E(sensor.Metric)).Append("</th></tr>");
        foreach (var (ts, value) in points)
            html.Append("<tr><td>").Append(Time(ts)).Append("</td><td class=\"num\">").Append(value.ToString("0.###", CultureInfo.InvariantCulture)).Append("</td></tr>");
        html.Append("</table>");
    }

    /// <summary>A line through the readings, drawn as SVG so it prints as it shows, with the lowest and highest values marked.</summary>
    private static string Chart(List<(DateTimeOffset Ts, double Value)> points)
    {
        const double width = 700, height = 120, pad = 4;
        var (t0, t1) = (points[0].Ts, points[^1].Ts);
        var (min, max) = (points.Min(p => p.Value), points.Max(p => p.Value));
        var span = Math.Max((t1 - t0).TotalSeconds, 1);
        var range = max > min ? max - min : 1;
        var line = string.Join(' ', points.Select(p =>
            FormattableString.Invariant($"{pad + (p.Ts - t0).TotalSeconds / span * (width - 2 * pad):0.#},{height - pad - (p.Value - min) / range * (height - 2 * pad):0.#}")));
        return FormattableString.Invariant(
            $"<svg width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" role=\"img\"><polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"{line}\"/>")
            + FormattableString.Invariant(
                $"<text x=\"{pad}\" y=\"12\" font-size=\"11\">{max:0.##}</text><text x=\"{pad}\" y=\"{height - pad}\" font-size=\"11\">{min:0.##}</text></svg>");
    }

    private static void Fact(StringBuilder html, string label, string value) =>
        html.Append("<tr><th>").Append(E(label)).Append("</th><td>").Append(E(value)).Append("</td></tr>");

    /// <summary>In the city's time, with its offset: a printed report is read in Hanoi. Digits and punctuation only, written unescaped.</summary>
    private static string Time(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture) + " (UTC+7)";

    private static string E(string text) => Html.Encode(text);
}
