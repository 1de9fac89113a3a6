using ControlCenter.Host.Api;
using System.Security.Claims;
using System.Text.RegularExpressions;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Webhooks;

/// <summary>
/// <c>/api/v1/admin/webhooks</c>: administrators register, list and delete alert webhooks, see each one's dead
/// letters and replay them. Every change is audited; the secret is never shown back.
/// </summary>
public static partial class WebhookEndpoints
{
    public const int MaxSubscriptions = 100;

    public sealed record ReplayRequest(string? DeliveryId, bool? All);

    [GeneratedRegex("^wh-[0-9]{1,9}$")]
    private static partial Regex IdPattern();

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app)
    {
        var webhooks = app.MapGroup("/api/v1/admin/webhooks").RequireAuthorization(Roles.Admin).WithTags("Webhooks");
        webhooks.MapPost("/", Register).WithName("RegisterWebhook").WithSummary("Registers an alert webhook");
        webhooks.MapGet("/", List).WithName("ListWebhooks");
        webhooks.MapGet("/{id}", Get).WithName("GetWebhook");
        webhooks.MapDelete("/{id}", Delete).WithName("DeleteWebhook");
        webhooks.MapGet("/{id}/dead-letters", DeadLetters).WithName("ListWebhookDeadLetters");
        webhooks.MapPost("/{id}/dead-letters/replay", Replay).WithName("ReplayWebhookDeadLetters");
        return app;
    }

    private static async Task<IResult> Register(
        WebhookRegistration? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog, WebhookUrlGuard guard,
        IGrainFactory grains, TimeProvider time, AuditLog audit, WebhookMetrics metrics)
    {
        var directory = grains.GetGrain<IWebhookDirectoryGrain>(0);
        var problem = request is null ? "A JSON body with url, secret and optionally matcher, events, format, capScope is required."
            : request.Problem(catalog) ?? await guard.Problem(request.Url)
            ?? ((await directory.All()).Length >= MaxSubscriptions ? $"At most {MaxSubscriptions} webhooks; delete one first." : null);
        if (problem is not null)
        {
            metrics.RegistrationRefused();
            return Invalid(problem);
        }

        var stored = await directory.Add(request!.ToSubscription(Actor.Name(user), time.GetUtcNow()));
        await Actor.Audit(audit, http, user, "webhook-registered", stored.Id, Actor.Clip(stored.Url));
        return Results.Created($"/api/v1/admin/webhooks/{stored.Id}", Describe(stored, null));
    }

    private static async Task<IResult> List(IGrainFactory grains)
    {
        var all = await grains.GetGrain<IWebhookDirectoryGrain>(0).All();
        var statuses = await Task.WhenAll(all.Select(s => grains.GetGrain<IWebhookOutboxGrain>(s.Id).Status()));
        return Results.Ok(all.Zip(statuses, Describe));
    }

    private static async Task<IResult> Get(string id, IGrainFactory grains) =>
        await Find(id, grains) is { } s ? Results.Ok(Describe(s, await grains.GetGrain<IWebhookOutboxGrain>(id).Status())) : NotFound(id);

    private static async Task<IResult> Delete(string id, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (!IdPattern().IsMatch(id) || !await grains.GetGrain<IWebhookDirectoryGrain>(0).Remove(id)) return NotFound(id);
        await Actor.Audit(audit, http, user, "webhook-deleted", id);
        return Results.NoContent();
    }

    private static async Task<IResult> DeadLetters(string id, IGrainFactory grains) =>
        await Find(id, grains) is null ? NotFound(id) : Results.Ok(await grains.GetGrain<IWebhookOutboxGrain>(id).DeadLetters());

    private static async Task<IResult> Replay(string id, ReplayRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request is null || (request.DeliveryId is null) == (request.All != true))
            return Invalid("Give either deliveryId (one dead letter) or all: true (every dead letter).");
        if (await Find(id, grains) is null) return NotFound(id);
        var replayed = await grains.GetGrain<IWebhookOutboxGrain>(id).Replay(request.DeliveryId);
        if (request.DeliveryId is not null && replayed == 0)
            return Results.Problem($"Webhook {id} has no dead letter '{Actor.Clip(request.DeliveryId)}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown dead letter");
        await Actor.Audit(audit, http, user, "webhook-replayed", id, request.DeliveryId ?? $"all ({replayed})");
        return Results.Ok(new { replayed });
    }

    private static async Task<WebhookSubscription?> Find(string id, IGrainFactory grains) =>
        IdPattern().IsMatch(id) ? (await grains.GetGrain<IWebhookDirectoryGrain>(0).All()).FirstOrDefault(s => s.Id == id) : null;

    /// <summary>Everything but the secret.</summary>
    private static object Describe(WebhookSubscription s, WebhookOutboxStatus? status) => new
    {
        id = s.Id, url = s.Url, matcher = s.Matcher, events = s.Events, format = s.Format, capScope = s.CapPublic ? "public" : "restricted",
        createdAt = s.CreatedAt, createdBy = s.CreatedBy,
        pending = status?.Pending ?? 0, deadLetters = status?.DeadLetters ?? 0, delivered = status?.Delivered ?? 0, lastDeliveredAt = status?.LastDeliveredAt,
    };

    private static IResult NotFound(string id) =>
        Results.Problem($"No webhook '{Actor.Clip(id)}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown webhook");

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Invalid(string problem) => Problems.Invalid(problem, "Invalid webhook request");
}
