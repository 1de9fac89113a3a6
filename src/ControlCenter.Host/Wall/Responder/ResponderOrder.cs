using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Wall.Responder;

/// <summary>
/// The order of the alerts on a responder's phone: nearest first when the phone knows where it is, else the wall
/// queue's order (notified before silenced, most severe first, longest waiting first). Alerts whose place is unknown
/// follow the located ones, in severity order.
/// </summary>
public static class ResponderOrder
{
    public static List<ResponderItem> Order(IEnumerable<Alert> alerts, GeoPoint? here, CityCatalog catalog)
    {
        var items = alerts.Where(a => a.IsActive)
            .Select(a => new ResponderItem(a, here is not null && PlaceOf(a, catalog) is { } at ? Math.Round(here.KilometresTo(at), 2) : null));
        var bySeverity = items.OrderByDescending(i => i.Alert.Suppressed is null)
            .ThenByDescending(i => Severities.Rank(i.Alert.Severity)).ThenBy(i => i.Alert.RaisedAt).ThenBy(i => i.Alert.Id, StringComparer.Ordinal);
        return here is null
            ? [.. bySeverity]
            : [.. bySeverity.OrderBy(i => i.DistanceKm is null).ThenBy(i => i.DistanceKm ?? 0)];
    }

    /// <summary>Where an alert is: its first entity the catalogue places (a sensor, lot or junction), else its zone's centre.</summary>
    public static GeoPoint? PlaceOf(Alert alert, CityCatalog catalog)
    {
        foreach (var id in alert.EntityIds.Concat(alert.Evidence.Select(e => e.EntityId)).Append(alert.Scope))
        {
            if (catalog.FindSensor(id) is { } s) return new(s.Lat, s.Lon);
            if (catalog.FindLot(id) is { } l) return new(l.Lat, l.Lon);
            if (catalog.FindJunction(id) is { } j) return new(j.Lat, j.Lon);
            if (catalog.WalkingStreets.FirstOrDefault(w => w.Id == id) is { Path.Count: > 0 } w && w.Path[w.Path.Count / 2] is [var lat, var lon, ..])
                return new(lat, lon);
        }

        return alert.ZoneId is not null && catalog.FindZone(alert.ZoneId) is { } z ? new(z.Lat, z.Lon) : null;
    }

    /// <summary>The place in words: what the alert's scope names in the catalogue, with its zone; "Hà Nội" for the whole city.</summary>
    public static string PlaceName(Alert alert, CityCatalog catalog, bool english)
    {
        var zone = alert.ZoneId is not null && catalog.FindZone(alert.ZoneId) is { } z ? (english ? z.NameEn : z.Name) : null;
        string? scope = catalog.FindSensor(alert.Scope) is { } s ? (english ? s.NameEn : s.Name)
            : catalog.FindLot(alert.Scope) is { } l ? (english ? l.NameEn : l.Name)
            : catalog.FindJunction(alert.Scope) is { } j ? (english ? j.NameEn : j.Name)
            : catalog.WalkingStreets.FirstOrDefault(w => w.Id == alert.Scope) is { } w ? (english ? w.NameEn : w.Name)
            : null;
        return (scope, zone) switch
        {
            ({ } place, { } district) => $"{place}, {district}",
            ({ } place, null) => place,
            (null, { } district) => district,
            _ => english ? "Hanoi" : "Hà Nội",
        };
    }
}
