using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall;

/// <summary>
/// An alert's evidence and scope in words: the place an id names (a walking street is no sensor, so the catalogue's
/// streets are looked up too) and a metric with a label and unit where the wall has one.
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

    /// <summary>The metric's label ("Share of capacity") and value with its unit ("105%"); the raw name and number otherwise.</summary>
    public static (string Label, string Value) Metric(AlertEvidence evidence, IStringLocalizer words)
    {
        var label = words["Metric." + evidence.Metric] is { ResourceNotFound: false } known ? known.Value : evidence.Metric;
        var value = evidence.Metric switch
        {
            "crowdingRatio" => TouristPoint.Percent(evidence.Value),
            "present" => $"{evidence.Value.ToString("#,0", CultureInfo.CurrentCulture)} {words["People"]}",
            "walkingStreetOpen" => words[evidence.Value > 0 ? "Yes" : "No"].Value,
            _ => evidence.Value.ToString("0.##", CultureInfo.CurrentCulture),
        };
        return (label, value);
    }
}
