using ControlCenter.Host.Api;
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
    public sealed record WithdrawRequest(string? Note);

    public static IEndpointRouteBuilder MapPublicWarnings(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/alerts/{id}/public-warning", Publish).WithName("PublishPublicWarning").RequireAuthorization(Roles.Operator);
        app.MapPost("/api/v1/alerts/{id}/public-warning/withdraw", Withdraw).WithName("WithdrawPublicWarning").RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> Publish(
        string id, PublicWarningDrafts.PublishRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains, AuditLog audit)
    {
        if (!AlertEndpoints.AlertIdPattern().IsMatch(id)) return AlertEndpoints.NotFound(id);
        var alert = await grains.GetGrain<IAlertGrain>(id).Get();
        if (alert is null) return AlertEndpoints.NotFound(id);
        if (!PublicWarningDrafts.TryRead(request, alert, catalog, out var draft, out var problem)) return Problems.Invalid(problem!);

        return await AlertEndpoints.Act(id, grains, g => g.PublishWarning(draft!, Actor.Name(user)),
            published => Actor.Audit(audit, http, user, published.PublicWarning!.Revision == 1 ? "warning-published" : "warning-updated", id, draft!.Title));
    }

    /// <summary>The body is required (<c>{}</c> will do): a JSON POST cannot be sent cross-site without a preflight.</summary>
    private static async Task<IResult> Withdraw(string id, WithdrawRequest request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request.Note is { Length: > PublicWarningDrafts.MaxText }) return Problems.Invalid($"note is up to {PublicWarningDrafts.MaxText} characters.");
        return await AlertEndpoints.Act(id, grains, g => g.WithdrawWarning(Actor.Name(user), request.Note),
            _ => Actor.Audit(audit, http, user, "warning-withdrawn", id, request.Note));
    }
}
