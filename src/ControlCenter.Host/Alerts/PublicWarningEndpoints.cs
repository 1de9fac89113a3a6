using ControlCenter.Host.Api;
using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// Operators publish an unresolved alert to citizens as a public warning (their own words, both languages, an
/// area), edit it, and withdraw it. Each step is on the alert's timeline and in the audit log.
/// </summary>
public static class PublicWarningEndpoints
{
    public sealed record WithdrawRequest(string? Note);

    public static RouteGroupBuilder MapPublicWarnings(this RouteGroupBuilder api)
    {
        var warning = api.MapGroup("/alerts/{id}/public-warning").WithTags("Public warnings").RequireAuthorization(Roles.Operator);
        warning.MapPost("", Publish).WithName("PublishPublicWarning")
            .WithSummary("Publish an unresolved alert to citizens, or edit its published warning")
            .WithDescription("Publishing again while the warning is out edits it (a new revision); after a withdrawal it is a new publication. A resolved alert cannot be published (409).")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        warning.MapPost("/withdraw", Withdraw).WithName("WithdrawPublicWarning")
            .WithSummary("Withdraw an alert's public warning")
            .WithDescription("The body is required; {} will do.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Publish(
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
    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Withdraw(string id, WithdrawRequest request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request.Note is { Length: > PublicWarningDrafts.MaxText }) return Problems.Invalid($"note is up to {PublicWarningDrafts.MaxText} characters.");
        return await AlertEndpoints.Act(id, grains, g => g.WithdrawWarning(Actor.Name(user), request.Note),
            _ => Actor.Audit(audit, http, user, "warning-withdrawn", id, request.Note));
    }
}
