using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// An operator's public warning as asked for (over REST or from the wall), checked and completed: both
/// languages' words within CAP's limits, and an area — a zone (its centre, 3 km), a point with a radius, or by
/// default the alert's own zone.
/// </summary>
public static class PublicWarningDrafts
{
    /// <summary>CAP keeps a headline under 160 characters.</summary>
    public const int MaxTitle = 160;

    public const int MaxText = 2000;

    /// <summary>Around a zone's centre when the operator names a zone only.</summary>
    public const double ZoneRadiusKm = 3.0;

    public sealed record AreaRequest(string? ZoneId, double? Lat, double? Lon, double? RadiusKm, string? Description, string? DescriptionEn);

    public sealed record PublishRequest(string? Title, string? TitleEn, string? Text, string? TextEn, AreaRequest? Area);

    public static bool TryRead(PublishRequest? request, Alert alert, CityCatalog catalog, out PublicWarningDraft? draft, out string? problem)
    {
        draft = null;
        problem = Words(request);
        if (problem is not null || !TryArea(request!.Area, alert, catalog, out var area, out problem)) return false;
        draft = new PublicWarningDraft(request.Title!.Trim(), request.TitleEn!.Trim(), request.Text!.Trim(), request.TextEn!.Trim(), area!);
        return true;
    }

    private static string? Words(PublishRequest? request)
    {
        if (request is null) return "A body { title, titleEn, text, textEn, area? } is required.";
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitle) return $"title (Vietnamese) is required, up to {MaxTitle} characters.";
        if (string.IsNullOrWhiteSpace(request.TitleEn) || request.TitleEn.Length > MaxTitle) return $"titleEn is required, up to {MaxTitle} characters.";
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxText) return $"text (Vietnamese) is required, up to {MaxText} characters.";
        if (string.IsNullOrWhiteSpace(request.TextEn) || request.TextEn.Length > MaxText) return $"textEn is required, up to {MaxText} characters.";
        if (new[] { request.Title, request.TitleEn, request.Text, request.TextEn, request.Area?.Description, request.Area?.DescriptionEn }
            .FirstOrDefault(t => t is not null && t.Any(Unprintable)) is { } bad)
            return "The words may not hold control characters (other than line breaks and tabs) or non-characters: CAP and the portal cannot show them.";
        return null;
    }

    private static bool TryArea(AreaRequest? request, Alert alert, CityCatalog catalog, out PublicArea? area, out string? problem)
    {
        area = null;
        problem = null;
        var zoneId = request?.ZoneId ?? (request?.Lat is null && request?.Lon is null ? alert.ZoneId : null);
        var zone = zoneId is null ? null : catalog.FindZone(zoneId);
        if (zoneId is not null && zone is null) return Fail($"No zone '{Actor.Clip(zoneId)}'.", out problem);
        if (request?.Description is { Length: > 200 } || request?.DescriptionEn is { Length: > 200 })
            return Fail("area.description and area.descriptionEn are up to 200 characters.", out problem);

        double lat, lon;
        if (request is { Lat: { } pointLat, Lon: { } pointLon })
        {
            if (!double.IsFinite(pointLat) || !double.IsFinite(pointLon) || pointLat is < -90 or > 90 || pointLon is < -180 or > 180)
                return Fail("area.lat is -90 to 90 and area.lon -180 to 180.", out problem);
            if (string.IsNullOrWhiteSpace(request.Description) && zone is null)
                return Fail("A point needs area.description (the place, in Vietnamese).", out problem);
            (lat, lon) = (pointLat, pointLon);
        }
        else if (request is { Lat: not null } or { Lon: not null }) return Fail("area.lat and area.lon come together.", out problem);
        else if (zone is not null) (lat, lon) = (zone.Lat, zone.Lon);
        else return Fail("This alert has no zone: give area.zoneId, or area.lat, area.lon and area.description.", out problem);

        var radius = request?.RadiusKm ?? (request?.Lat is null ? ZoneRadiusKm : 1.0);
        if (!double.IsFinite(radius) || radius is < 0.05 or > 50) return Fail("area.radiusKm is 0.05 to 50.", out problem);
        var description = NonBlank(request?.Description) ?? zone!.Name;
        var descriptionEn = NonBlank(request?.DescriptionEn) ?? zone?.NameEn ?? description;
        area = new PublicArea(description, descriptionEn, Math.Round(lat, 5), Math.Round(lon, 5), radius, zone?.Id);
        return true;
    }

    private static bool Unprintable(char c) => (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) || c is '\uFFFE' or '\uFFFF';

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Fail(string message, out string? problem)
    {
        problem = message;
        return false;
    }
}
