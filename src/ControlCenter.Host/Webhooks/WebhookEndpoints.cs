using System.Security.Claims;
using System.Text.RegularExpressions;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>A webhook as the API shows it: everything but the secret, with its outbox at a glance.</summary>
    public sealed record WebhookView(
        string Id, string Url, WebhookMatcher Matcher, IReadOnlyList<string> Events, string Format, string CapScope,
        DateTimeOffset CreatedAt, string CreatedBy, int Pending, int DeadLetters, long Delivered, DateTimeOffset? LastDeliveredAt);

    public sealed record ReplayedView(int Replayed);

    public static RouteGroupBuilder MapWebhooks(this RouteGroupBuilder api)
    {
        var webhooks = api.MapGroup("/admin/webhooks").WithTags("Webhooks").RequireAuthorization(Roles.Admin);
        webhooks.MapPost("/", Register).WithName("RegisterWebhook").WithSummary("Register an alert webhook")
            .WithDescription($"Outside Development the url must be https and point at a public address; at most {MaxSubscriptions} webhooks. The secret signs every delivery (docs/webhooks.md) and is never shown back.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        webhooks.MapGet("/", List).WithName("ListWebhooks").WithSummary("List webhooks with their outboxes (pending, dead letters, delivered)");
        webhooks.MapGet("/{id}", Get).WithName("GetWebhook").WithSummary("Read one webhook").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapDelete("/{id}", Delete).WithName("DeleteWebhook").WithSummary("Delete a webhook, its queue and its dead letters")
            .ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapGet("/{id}/dead-letters", DeadLetters).WithName("ListWebhookDeadLetters")
            .WithSummary("List a webhook's dead letters, oldest first").ProducesProblem(StatusCodes.Status404NotFound);
        webhooks.MapPost("/{id}/dead-letters/replay", Replay).WithName("ReplayWebhookDeadLetters")
            .WithSummary("Send dead letters again: one (deliveryId) or all (all: true)")
            .WithDescription("The deliveries go back at the end of the webhook's queue.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Created<WebhookView>, ProblemHttpResult>> Register(
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
        return TypedResults.Created($"/api/v1/admin/webhooks/{stored.Id}", Describe(stored, null));
    }

    private static async Task<Ok<List<WebhookView>>> List(IGrainFactory grains)
    {
        var all = await grains.GetGrain<IWebhookDirectoryGrain>(0).All();
        var statuses = await Task.WhenAll(all.Select(s => grains.GetGrain<IWebhookOutboxGrain>(s.Id).Status()));
        return TypedResults.Ok(all.Zip(statuses, Describe).ToList());
    }

    private static async Task<Results<Ok<WebhookView>, ProblemHttpResult>> Get(string id, IGrainFactory grains) =>
        await Find(id, grains) is { } s ? TypedResults.Ok(Describe(s, await grains.GetGrain<IWebhookOutboxGrain>(id).Status())) : NotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(string id, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (!IdPattern().IsMatch(id) || !await grains.GetGrain<IWebhookDirectoryGrain>(0).Remove(id)) return NotFound(id);
        await Actor.Audit(audit, http, user, "webhook-deleted", id);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<WebhookDelivery[]>, ProblemHttpResult>> DeadLetters(string id, IGrainFactory grains) =>
        await Find(id, grains) is null ? NotFound(id) : TypedResults.Ok(await grains.GetGrain<IWebhookOutboxGrain>(id).DeadLetters());

    private static async Task<Results<Ok<ReplayedView>, ProblemHttpResult>> Replay(
        string id, ReplayRequest? request, HttpContext http, ClaimsPrincipal user, IGrainFactory grains, AuditLog audit)
    {
        if (request is null || (request.DeliveryId is null) == (request.All != true))
            return Invalid("Give either deliveryId (one dead letter) or all: true (every dead letter).");
        if (await Find(id, grains) is null) return NotFound(id);
        var replayed = await grains.GetGrain<IWebhookOutboxGrain>(id).Replay(request.DeliveryId);
        if (request.DeliveryId is not null && replayed == 0)
            return Problems.NotFound($"Webhook {id} has no dead letter '{Actor.Clip(request.DeliveryId)}'.", "Unknown dead letter");
        await Actor.Audit(audit, http, user, "webhook-replayed", id, request.DeliveryId ?? $"all ({replayed})");
        return TypedResults.Ok(new ReplayedView(replayed));
    }

    private static async Task<WebhookSubscription?> Find(string id, IGrainFactory grains) =>
        IdPattern().IsMatch(id) ? (await grains.GetGrain<IWebhookDirectoryGrain>(0).All()).FirstOrDefault(s => s.Id == id) : null;

    private static WebhookView Describe(WebhookSubscription s, WebhookOutboxStatus? status) => new(
        s.Id, s.Url, s.Matcher, s.Events, s.Format, s.CapPublic ? "public" : "restricted", s.CreatedAt, s.CreatedBy,
        status?.Pending ?? 0, status?.DeadLetters ?? 0, status?.Delivered ?? 0, status?.LastDeliveredAt);

    private static ProblemHttpResult NotFound(string id) => Problems.NotFound($"No webhook '{Actor.Clip(id)}'.", "Unknown webhook");

    private static ProblemHttpResult Invalid(string problem) => Problems.Invalid(problem, "Invalid webhook request");
}
