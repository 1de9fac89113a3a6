using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Alerts;
using ControlCenter.Storage.Log;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Pages;

public sealed partial class AlertPage
{
    /// <summary>About as many points as the entity panel's six hours of quarter hours, whatever the window.</summary>
    private const int ChartPoints = 48;

    private Incident? _incident;
    private List<EvidenceChart> _charts = [];

    [Parameter] public string Id { get; set; } = "";

    [Inject] private IncidentRecords Records { get; set; } = null!;
    [Inject] private ReadingHistory History { get; set; } = null!;
    [Inject] private CityCatalog Catalog { get; set; } = null!;
    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    /// <summary>One evidence sensor's chart: its metric's mean per step over the incident's window, the raise marked on the time axis.</summary>
    private sealed record EvidenceChart(string SensorId, string Metric, string Title, int Readings, List<ChartSeries<double>> Series, string[] Labels);

    protected override async Task OnInitializedAsync()
    {
        _incident = await Records.Find(Id, IncidentRecords.DefaultAround, CancellationToken.None);
        if (_incident is not { } incident) return;
        var step = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, (incident.To - incident.From).Ticks / ChartPoints));
        foreach (var sensor in incident.Sensors)
        {
            var points = await History.Query(sensor.Sensor.Id, sensor.Metric, incident.From, incident.To.AddMilliseconds(1), step, CancellationToken.None);
            var raised = points.FirstOrDefault(p => p.Ts + step > incident.Alert.RaisedAt);
            var title = $"{(English ? sensor.Sensor.NameEn : sensor.Sensor.Name)} — {(T["Metric." + sensor.Metric] is { ResourceNotFound: false } m ? m.Value : sensor.Metric)}"
                + (sensor.Unit.Length > 0 ? $" ({sensor.Unit})" : "");
            _charts.Add(new EvidenceChart(sensor.Sensor.Id, sensor.Metric, title, sensor.Readings.Count(r => r.Reading.Values.ContainsKey(sensor.Metric)),
                [new ChartSeries<double> { Name = sensor.Metric, Data = points.Select(p => Math.Round(p.Avg, 2)).ToArray() }],
                [.. points.Select((p, i) => p == raised ? "⚠ " + Short(p.Ts) : i % 8 == 0 ? Short(p.Ts) : "")]));
        }
    }

    private string Place(Alert alert) =>
        EvidenceText.Place(alert.Scope, Catalog, English) ?? (alert.ZoneId is { } zone ? EvidenceText.Place(zone, Catalog, English) : null) ?? alert.Scope;

    /// <summary>The wall at the moment the alert was raised (a second after, so the alert is there).</summary>
    private static string ReviewLink(DateTimeOffset raisedAt) =>
        "/?at=" + Uri.EscapeDataString(CityTime.Local(raisedAt.AddSeconds(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private static string Local(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm:ss dd/MM/yyyy", CultureInfo.InvariantCulture);

    private static string Short(DateTimeOffset at) => CityTime.Local(at).ToString("HH:mm", CultureInfo.InvariantCulture);
}
