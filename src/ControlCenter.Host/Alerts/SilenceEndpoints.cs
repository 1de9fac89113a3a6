using ControlCenter.Host.Api;
using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// Silences: an operator holds back the notifications of matching alerts until a time, with a reason. The
/// alerts are still recorded (and shown as silenced); a silence past its end stops applying by itself.
/// </summary>
public static class SilenceEndpoints
{
    public static readonly TimeSpan LongestSilence = TimeSpan.FromDays(30);

    public sealed record MatcherRequest(string? RuleId, string? ZoneId, string? EntityId, string? Severity);

    public sealed record SilenceRequest(MatcherRequest? Matcher, DateTimeOffset? Until, string? Reason);

    public static RouteGroupBuilder MapSilences(this RouteGroupBuilder api)
    {
        var silences = api.MapGroup("/silences").WithTags("Silences").MarksClusterSnapshotStale();
        silences.MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<IAlertBookGrain>(0).Silences()))
            .WithName("ListSilences").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("List the silences in force");
        silences.MapPost("", Create).WithName("CreateSilence").RequireAuthorization(Roles.Operator)
            .WithSummary("Silence the notifications of matching alerts until a time")
            .WithDescription("The matcher names at least one of ruleId, zoneId, entityId, severity; until is at most 30 days ahead; a reason is required.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        silences.MapDelete("/{id}", Remove).WithName("RemoveSilence").RequireAuthorization(Roles.Operator)
            .WithSummary("End a silence before its time")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<Silence>, ProblemHttpResult>> Create(
        SilenceRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, CityClock clock, IGrainFactory grains, AuditLog audit)
    {
        var m = request?.Matcher;
        if (m is null || (m.RuleId is null && m.ZoneId is null && m.EntityId is null && m.Severity is null))
            return Problems.Invalid("matcher needs at least one of ruleId, zoneId, entityId, severity (a silence of everything is refused).");
        if (m.RuleId is not null && AlertRules.Find(m.RuleId) is null) return Problems.Invalid($"No rule '{Actor.Clip(m.RuleId)}' (see docs/alerts.md).");
        if (m.ZoneId is not null && catalog.FindZone(m.ZoneId) is null) return Problems.Invalid($"No zone '{Actor.Clip(m.ZoneId)}'.");
        if (m.EntityId is not null && (!EntityId.IsValid(m.EntityId) || catalog.EntityKindOf(m.EntityId) is null)) return Problems.Invalid($"No entity '{Actor.Clip(m.EntityId)}'.");
        if (m.Severity is not null && !Severities.IsValid(m.Severity)) return Problems.Invalid($"severity is one of {string.Join(", ", Severities.All)}.");
        var now = clock.Now;
        if (request!.Until is not { } until || until <= now || until - now > LongestSilence)
            return Problems.Invalid("until is a time in the future, at most 30 days ahead (ISO 8601 with offset).");
        if (string.IsNullOrWhiteSpace(request.Reason) || request.Reason.Length > 500) return Problems.Invalid("reason is required, up to 500 characters.");

        var silence = await grains.GetGrain<IAlertBookGrain>(0).AddSilence(new Silence(
            "", new SilenceMatcher(m.RuleId, m.ZoneId, m.EntityId, m.Severity), until, request.Reason.Trim(), Actor.Name(user), now));
        await Actor.Audit(audit, http, user, "silence-created", silence.Id, $"{silence.Matcher} until {until:O}: {silence.Reason}");
        return TypedResults.Created($"/api/v1/silences/{silence.Id}", silence);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(string id, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (id.Length > 32 || !await grains.GetGrain<IAlertBookGrain>(0).RemoveSilence(id))
            return Problems.NotFound($"No silence '{Actor.Clip(id)}' in force.", "Unknown silence");
        await Actor.Audit(audit, http, user, "silence-removed", id);
        return TypedResults.NoContent();
    }
}
