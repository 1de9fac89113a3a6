using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// Operators publish an unresolved alert to citizens as a public warning (their own words, both languages, an
/// area), edit it, and withdraw it. Each step is on the alert's timeline and in the audit log.
/// </summary>
public static class PublicWarningEndpoints
{
    /// <summary>CAP keeps a headline under 160 characters.</summary>
    public const int MaxTitle = 160;

    public const int MaxText = 2000;

    /// <summary>Around a zone's centre when the operator names a zone only.</summary>
    public const double ZoneRadiusKm = 3.0;

    public sealed record AreaRequest(string? ZoneId, double? Lat, double? Lon, double? RadiusKm, string? Description, string? DescriptionEn);

    public sealed record PublishRequest(string? Title, string? TitleEn, string? Text, string? TextEn, AreaRequest? Area);

    public sealed record WithdrawRequest(string? Note);

    public static IEndpointRouteBuilder MapPublicWarnings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/alerts/{id}/public-warning", Publish).WithName("PublishPublicWarning").RequireAuthorization(Roles.Operator);
        app.MapPost("/api/v1/alerts/{id}/public-warning/withdraw", Withdraw).WithName("WithdrawPublicWarning").RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> Publish(
        string id, PublishRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains, AuditLog audit)
    {
        if (!AlertEndpoints.AlertIdPattern().IsMatch(id)) return AlertEndpoints.NotFound(id);
        if (Words(request) is { } problem) return Actor.Invalid(problem);
        var alert = await grains.GetGrain<IAlertGrain>(id).Get();
        if (alert is null) return AlertEndpoints.NotFound(id);
        if (!TryArea(request!.Area, alert, catalog, out var area, out var areaProblem)) return Actor.Invalid(areaProblem!);

        var draft = new PublicWarningDraft(request.Title!.Trim(), request.TitleEn!.Trim(), request.Text!.Trim(), request.TextEn!.Trim(), area!);
        return await AlertEndpoints.Act(id, grains, g => g.PublishWarning(draft, Actor.Name(user)),
            published => Actor.Audit(audit, http, user, published.PublicWarning!.Revision == 1 ? "warning-published" : "warning-updated", id, draft.Title));
    }

    private static async Task<IResult> Withdraw(string id, WithdrawRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request?.Note is { Length: > MaxText }) return Actor.Invalid($"note is up to {MaxText} characters.");
        return await AlertEndpoints.Act(id, grains, g => g.WithdrawWarning(Actor.Name(user), request?.Note),
            _ => Actor.Audit(audit, http, user, "warning-withdrawn", id, request?.Note));
    }

    private static string? Words(PublishRequest? request)
    {
        if (request is null) return "A body { title, titleEn, text, textEn, area? } is required.";
        if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > MaxTitle) return $"title (Vietnamese) is required, up to {MaxTitle} characters.";
        if (string.IsNullOrWhiteSpace(request.TitleEn) || request.TitleEn.Length > MaxTitle) return $"titleEn is required, up to {MaxTitle} characters.";
        if (string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > MaxText) return $"text (Vietnamese) is required, up to {MaxText} characters.";
        if (string.IsNullOrWhiteSpace(request.TextEn) || request.TextEn.Length > MaxText) return $"textEn is required, up to {MaxText} characters.";
        return null;
    }

    /// <summary>A zone (its centre, 3 km), a point with a radius, or by default the alert's own zone.</summary>
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

    private static string? NonBlank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static bool Fail(string message, out string? problem)
    {
        problem = message;
        return false;
    }
}
