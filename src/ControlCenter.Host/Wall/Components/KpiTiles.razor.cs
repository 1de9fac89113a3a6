using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Components;

/// <summary>The city's KPI tiles in the wall's language, each with the context that makes its figure actionable.</summary>
public sealed partial class KpiTiles
{
    [Parameter, EditorRequired] public WallFeed Feed { get; set; } = null!;

    [Inject] private CityCatalog Catalog { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    /// <summary>The e-government figures have their own strip with a drill-down (<see cref="EgovTiles"/>).</summary>
    private static IEnumerable<KpiTile> CityTiles(KpiSnapshot? kpi) =>
        (kpi?.Tiles ?? []).Where(t => !t.Id.StartsWith("egov-", StringComparison.Ordinal));

    private static string Value(KpiTile tile) =>
        tile.Value is { } v ? v.ToString(tile.Unit switch { "mg/L" or "mm" => "0.0", "people" => "#,0", _ => "0" }, CultureInfo.CurrentCulture) : "–";

    /// <summary>"of 15.800": hidden while a total is unknown and nothing is counted yet, where it would read "– of 0".</summary>
    private static string? Of(KpiTile tile) =>
        tile.Of is { } of && (tile.Value is not null || of > 0) ? of.ToString("#,0", CultureInfo.CurrentCulture) : null;

    /// <summary>Counted things need no unit after the figure; people do, in the wall's language.</summary>
    private string Unit(KpiTile tile) => tile.Unit switch
    {
        "spaces" or "points" or "junctions" or "sensors" => "",
        "people" => T["People"],
        _ => tile.Unit,
    };

    private string Context(KpiTile tile)
    {
        var where = tile.EntityId is { } id && Catalog.FindSensor(id) is { } s ? (English ? s.NameEn : s.Name) : null;
        return tile.Id switch
        {
            "worst-aqi" => $"{tile.Label} · {where}",
            "flooded-points" when tile.Peak is { } peak && tile.Value > 0 => $"{T["Deepest"]} {peak.ToString("0", CultureInfo.CurrentCulture)} cm · {where}",
            "west-lake-do" or "max-rain-1h" => where ?? "",
            "visitors-now" => Busiest(tile),
            _ => "",
        };
    }

    /// <summary>The fullest tourist point: its name, crowding level (from its own state when the wall has it) and share of capacity.</summary>
    private string Busiest(KpiTile tile)
    {
        if (TouristPoint.NameOf(tile.EntityId, Catalog, English) is not { } name) return "";
        var level = Feed.FindState(tile.EntityId!)?.Derived.GetValueOrDefault("crowding")?.ToString();
        var share = tile.Peak is { } peak ? TouristPoint.Percent(peak) : null;
        return string.Join(" · ", new[] { name, level is null ? null : TouristPoint.Crowding(level, T), share }.Where(p => p is not null));
    }

    /// <summary>The open alerts per severity, most severe first, leaving out severities with none.</summary>
    private static IEnumerable<(string Severity, int Count)> BySeverity(List<Alert> open) =>
        Severities.All.Select(s => (s, open.Count(a => a.Severity == s))).Where(c => c.Item2 > 0);
}
