using System.Globalization;
using System.Security.Claims;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Storage.Log;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using MudBlazor;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>
/// The side panel for a sensor, lot or junction opened on the map or the parking board: its state, a lot's
/// close and reopen actions for those allowed, and a chart of its main figure.
/// </summary>
public sealed partial class EntityPanel
{
    private static readonly TimeSpan ChartWindow = TimeSpan.FromHours(6);
    private static readonly TimeSpan ChartStep = TimeSpan.FromMinutes(15);

    private string? _closeReason;
    private string? _metric;
    private List<ChartSeries<double>> _series = [];
    private string[] _labels = [];
    private string? _loadedFor;

    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;

    [Parameter, EditorRequired] public string EntityId { get; set; } = null!;

    [Parameter, EditorRequired] public ClaimsPrincipal User { get; set; } = null!;

    [Parameter] public EventCallback OnClose { get; set; }

    [Inject] private ReadingHistory History { get; set; } = null!;

    [Inject] private TimeProvider Time { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private WallParking Parking { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private bool IsTouristPoint => Catalog.FindSensor(EntityId)?.Kind == SensorKinds.VisitorCounter;

    private bool IsLot => Catalog.FindLot(EntityId) is not null;

    private string Name => TouristPoint.NameOf(EntityId, Catalog, English) is { } point ? point
        : Catalog.FindSensor(EntityId) is { } s ? (English ? s.NameEn : s.Name)
        : Catalog.FindLot(EntityId) is { } l ? (English ? l.NameEn : l.Name)
        : Catalog.FindJunction(EntityId) is { } j ? (English ? j.NameEn : j.Name) : EntityId;

    /// <summary>The derived figures a person can read; nested ones (lists, objects) would print as type names.</summary>
    private static IEnumerable<KeyValuePair<string, object?>> Shown(IReadOnlyDictionary<string, object?> derived) =>
        derived.Where(d => d.Value is string or double or int or long or bool);

    /// <summary>A tourist point's figures in words: people present, capacity, crowding (with its share), visitors per hour.</summary>
    private IEnumerable<(string Key, string Text)> TouristFigures(EntityState state)
    {
        static string Number(double? n) => n is { } v ? v.ToString("#,0", CultureInfo.CurrentCulture) : "–";
        yield return ("present", Number(state.Values.TryGetValue("present", out var present) ? present : null));
        yield return ("capacity", Number(TouristPoint.Figure(state, "capacity") ?? Catalog.FindSensor(EntityId)?.Capacity));
        var level = state.Derived.GetValueOrDefault("crowding")?.ToString();
        yield return ("crowding", level is null ? "–"
            : TouristPoint.Crowding(level, T) + (TouristPoint.Figure(state, "crowdingRatio") is { } ratio ? $" ({TouristPoint.Percent(ratio)})" : ""));
        yield return ("visitorsPerHour", Number(TouristPoint.Figure(state, "visitorsPerHour")));
    }

    private async Task Close()
    {
        if (await Parking.Close(User, EntityId, _closeReason)) _closeReason = null;
    }

    private async Task Reopen() => await Parking.Reopen(User, EntityId);

    protected override async Task OnParametersSetAsync()
    {
        // In incident review the chart ends at the moment shown, so it is drawn again when the moment moves.
        var key = $"{EntityId}@{Feed.AsOf:O}";
        if (_loadedFor == key) return;
        _loadedFor = key;
        _metric = ChartedMetric(Catalog.FindSensor(EntityId)?.Kind);
        _series = [];
        if (_metric is not null) await LoadChart(_metric);
    }

    /// <summary>The one figure that tells a sensor's story over hours; lots and junctions have none charted.</summary>
    private static string? ChartedMetric(string? kind) => kind switch
    {
        "air" => "pm25",
        "water" => "do",
        "rain" => "rainMm",
        "flood" => "depthCm",
        "visitor-counter" => "present",
        _ => null,
    };

    /// <summary>Quarter-hour means over the last six hours, a time label every hour.</summary>
    private async Task LoadChart(string metric)
    {
        var now = Feed.Now(Time);
        var points = await History.Query(EntityId, metric, now - ChartWindow, now, ChartStep, CancellationToken.None);
        _series = [new ChartSeries<double> { Name = metric, Data = points.Select(p => Math.Round(p.Avg, 2)).ToArray() }];
        _labels = [.. points.Select((p, i) => i % 4 == 0 ? CityTime.Local(p.Ts).ToString("HH:mm", CultureInfo.CurrentCulture) : "")];
    }
}
