using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall;

/// <summary>
/// An alert's evidence and scope in words: the place an id names (a walking street is no sensor, so the catalogue's
/// streets are looked up too) and a metric with its label and unit ("Mưa 30 phút", "11,7 mm"), so the panel reads
/// "Trạm đo mưa Đống Đa · Mưa 30 phút 11,7 mm" rather than "rg-dong-da rain30MinMm 11,72".
/// </summary>
public static class EvidenceText
{
    /// <summary>The name of whatever the id is in the catalogue, or null when it names nothing there.</summary>
    public static string? Place(string id, CityCatalog catalog, bool english) =>
        TouristPoint.NameOf(id, catalog, english)
        ?? (catalog.FindSensor(id) is { } s ? (english ? s.NameEn : s.Name)
            : catalog.FindLot(id) is { } l ? (english ? l.NameEn : l.Name)
            : catalog.FindJunction(id) is { } j ? (english ? j.NameEn : j.Name)
            : catalog.FindZone(id) is { } z ? (english ? z.NameEn : z.Name)
            : catalog.WalkingStreets.FirstOrDefault(w => w.Id == id) is { } w ? (english ? w.NameEn : w.Name)
            : null);

    /// <summary>The metric's label ("Share of capacity") and value with its unit ("105%"); the raw name and number when the wall has no label.</summary>
    public static (string Label, string Value) Metric(AlertEvidence evidence, IStringLocalizer words)
    {
        var label = words["Metric." + evidence.Metric] is { ResourceNotFound: false } known ? known.Value : evidence.Metric;
        var (kind, unit) = MetricUnits.Of(evidence.Metric);
        var value = kind switch
        {
            FigureKind.Share => TouristPoint.Percent(evidence.Value),
            FigureKind.Flag => words[evidence.Value > 0 ? "Yes" : "No"].Value,
            FigureKind.Seconds => MapMarkers.Age(TimeSpan.FromSeconds(evidence.Value), WallCulture.English),
            _ => WithUnit(evidence.Value.ToString("#,0.#", CultureInfo.CurrentCulture), unit, words),
        };
        return (label, value);
    }

    /// <summary>One line: "Trạm đo mưa Đống Đa · Mưa 30 phút 11,7 mm" (the id when the catalogue does not know it).</summary>
    public static string Describe(AlertEvidence evidence, CityCatalog catalog, IStringLocalizer words, bool english)
    {
        var (label, value) = Metric(evidence, words);
        return $"{Place(evidence.EntityId, catalog, english) ?? evidence.EntityId} · {label} {value}";
    }

    // Units in words ("people") have their own translation; symbols (mm, µg/m³, %) read the same in both languages.
    private static string WithUnit(string number, string unit, IStringLocalizer words) => unit switch
    {
        "" => number,
        "%" => number + "%",
        _ => $"{number} {(words["Unit." + unit] is { ResourceNotFound: false } word ? word.Value : unit)}",
    };
}
