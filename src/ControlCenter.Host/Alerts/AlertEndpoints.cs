using ControlCenter.Host.Api;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
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
/// The contract's alert endpoints: read by anyone signed in; acknowledged, noted, worked through the SOP and
/// resolved by responders; raised by hand by operators. Every change reaches the live feed from the alert grain.
/// </summary>
public static partial class AlertEndpoints
{
    public const int MaxText = 2000;

    public sealed record AcknowledgeRequest(string? Note);

    public sealed record ResolveRequest(string? Note);

    public sealed record NoteRequest(string? Text);

    public sealed record SopRequest(bool? Done);

    public sealed record ManualAlertRequest(string? Title, string? TitleEn, string? Severity, string? ZoneId, List<string>? EntityIds, string? Note);

    [GeneratedRegex("^al-[0-9]{1,12}$")]
    internal static partial Regex AlertIdPattern();

    public static RouteGroupBuilder MapAlerts(this RouteGroupBuilder api)
    {
        // Each endpoint has its own policy: reading, raising and working an alert are different people's jobs.
        var alerts = api.MapGroup("/alerts").WithTags("Alerts").MarksClusterSnapshotStale();
        alerts.MapGet("", List).WithName("ListAlerts").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("List alerts, newest first, filtered by status, domain, zone or severity")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        alerts.MapGet("/{id}", Get).WithName("GetAlert").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("Read one alert with its timeline and procedure")
            .ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapPost("", RaiseManual).WithName("RaiseManualAlert").RequireAuthorization(Roles.Operator)
            .WithSummary("Raise an alert by hand")
            .WithDescription("Posting the same title (in any case) for the same zone while that alert is unresolved counts a repeat on it instead of raising another.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        alerts.MapPost("/{id}/acknowledge", Acknowledge).WithName("AcknowledgeAlert").RequireAuthorization(Roles.Responder)
            .WithSummary("Acknowledge an open alert")
            .WithDescription(ConflictRule)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        alerts.MapPost("/{id}/resolve", Resolve).WithName("ResolveAlert").RequireAuthorization(Roles.Responder)
            .WithSummary("Resolve an alert, with a note saying what was done")
            .WithDescription(ConflictRule)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        alerts.MapPost("/{id}/notes", AddNote).WithName("AddAlertNote").RequireAuthorization(Roles.Responder)
            .WithSummary("Add a note to an alert's timeline")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapPost("/{id}/sop/{step}", TickSop).WithName("TickAlertSopStep").RequireAuthorization(Roles.Responder)
            .WithSummary("Mark a step of the alert's procedure done or not done")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private const string ConflictRule =
        "When someone got there first the answer is 409 with the alert's status, who acted and when, and the whole alert as problem extensions.";

    private static async Task<Results<Ok<Alert[]>, ProblemHttpResult>> List(
        string? status, string? domain, string? zoneId, string? severity, int? limit, CityCatalog catalog, IGrainFactory grains)
    {
        if (status is not null and not (AlertStatus.Open or AlertStatus.Acknowledged or AlertStatus.Resolved))
            return Problems.Invalid("status is open, acknowledged or resolved.");
        if (domain is not null && !AlertDomains.All.Contains(domain))
            return Problems.Invalid($"domain is one of {string.Join(", ", AlertDomains.All.Order())}.");
        if (zoneId is not null && catalog.FindZone(zoneId) is null) return Problems.Invalid($"No zone '{Actor.Clip(zoneId)}'.");
        if (severity is not null && !Severities.IsValid(severity)) return Problems.Invalid($"severity is one of {string.Join(", ", Severities.All)}.");
        if (limit is < 1 or > 1000) return Problems.Invalid("limit is 1 to 1000 (default 200).");
        return TypedResults.Ok(await grains.GetGrain<IAlertBookGrain>(0).Query(new AlertQuery(status, domain, zoneId, severity, limit ?? 200)));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        !AlertIdPattern().IsMatch(id) ? NotFound(id)
        : await grains.GetGrain<IAlertGrain>(id).Get() is { } alert ? TypedResults.Ok(alert) : NotFound(id);

    private static async Task<Results<Created<Alert>, ProblemHttpResult>> RaiseManual(
        ManualAlertRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, IGrainFactory grains, CityClock clock, AuditLog audit)
    {
        if (request is null || string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200)
            return Problems.Invalid("title is required, up to 200 characters.");
        if (request.TitleEn is { Length: > 200 }) return Problems.Invalid("titleEn is up to 200 characters.");
        if (!Severities.IsValid(request.Severity)) return Problems.Invalid($"severity is one of {string.Join(", ", Severities.All)}.");
        if (request.ZoneId is not null && catalog.FindZone(request.ZoneId) is null) return Problems.Invalid($"No zone '{Actor.Clip(request.ZoneId)}'.");
        var entities = request.EntityIds ?? [];
        if (entities.Count > 100) return Problems.Invalid("At most 100 entityIds.");
        if (entities.Any(e => e is null)) return Problems.Invalid("entityIds holds a null.");
        if (entities.FirstOrDefault(e => !EntityId.IsValid(e) || catalog.EntityKindOf(e) is null) is { } unknown)
            return Problems.Invalid($"No entity '{Actor.Clip(unknown)}'.");
        if (request.Note is { Length: > MaxText }) return Problems.Invalid($"note is up to {MaxText} characters.");

        var title = request.Title.Trim();
        var raise = new AlertRaise
        {
            RuleId = AlertRules.Manual, Scope = ManualScope(request.ZoneId, title), ZoneId = request.ZoneId, Severity = request.Severity!,
            EntityIds = [.. entities.Distinct(StringComparer.Ordinal)], At = clock.Now, By = Actor.Name(user),
            Title = title, TitleEn = request.TitleEn?.Trim() ?? title, Note = request.Note,
        };
        var alert = await grains.GetGrain<IAlertBookGrain>(0).RaiseManual(raise);
        await Actor.Audit(audit, http, user, "alert-raised", alert.Id, title);
        return TypedResults.Created($"/api/v1/alerts/{alert.Id}", alert);
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Acknowledge(string id, AcknowledgeRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request?.Note is { Length: > MaxText }) return Problems.Invalid($"note is up to {MaxText} characters.");
        return await Act(id, grains, g => g.Acknowledge(Actor.Name(user), request?.Note),
            alert => Actor.Audit(audit, http, user, "alert-acknowledged", alert.Id, request?.Note));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> Resolve(string id, ResolveRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (string.IsNullOrWhiteSpace(request?.Note) || request.Note.Length > MaxText)
            return Problems.Invalid($"A resolution needs a note (what was done), up to {MaxText} characters.");
        return await Act(id, grains, g => g.Resolve(Actor.Name(user), request.Note.Trim()),
            alert => Actor.Audit(audit, http, user, "alert-resolved", alert.Id, request.Note));
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> AddNote(string id, NoteRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (string.IsNullOrWhiteSpace(request?.Text) || request.Text.Length > MaxText)
            return Problems.Invalid($"text is required, up to {MaxText} characters.");
        return await Act(id, grains, g => g.AddNote(Actor.Name(user), request.Text.Trim()), _ => Task.CompletedTask);
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> TickSop(string id, string step, SopRequest? request, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!int.TryParse(step, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) || number is < 1 or > 100)
            return Problems.Invalid("step is the step's number, from 1.");
        if (request?.Done is not { } done) return Problems.Invalid("done (true or false) is required.");
        return await Act(id, grains, g => g.TickSop(number, done, Actor.Name(user)), _ => Task.CompletedTask);
    }

    internal static async Task<Results<Ok<Alert>, ProblemHttpResult>> Act(string id, IGrainFactory grains, Func<IAlertGrain, Task<AlertActionResult>> action, Func<Alert, Task> audit)
    {
        if (!AlertIdPattern().IsMatch(id)) return NotFound(id);
        var result = await action(grains.GetGrain<IAlertGrain>(id));
        switch (result.Refusal)
        {
            case AlertRefusal.NotFound: return NotFound(id);
            case AlertRefusal.Invalid: return Problems.Invalid(result.Detail ?? "Invalid request.");
            case AlertRefusal.Conflict:
                var alert = result.Alert!;
                return TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status409Conflict, title: "Someone got there first",
                    extensions: new Dictionary<string, object?>
                    {
                        ["alertStatus"] = alert.Status, ["acknowledgedBy"] = alert.AcknowledgedBy, ["acknowledgedAt"] = alert.AcknowledgedAt,
                        ["resolvedBy"] = alert.ResolvedBy, ["resolvedAt"] = alert.ResolvedAt, ["alert"] = alert,
                    });
        }

        await audit(result.Alert!);
        return TypedResults.Ok(result.Alert!);
    }

    /// <summary>One open manual alert per zone and title: posting the same again counts a repeat.</summary>
    private static string ManualScope(string? zoneId, string title) =>
        $"{zoneId ?? "city"}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(title.ToLowerInvariant())))[..12]}";

    internal static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No alert '{Actor.Clip(id)}'.", "Unknown alert");
}
