using System.Security.Claims;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Parking;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Credentials;

/// <summary>
/// Administrators create, list and revoke machine credentials: <c>/api/v1/admin/ingest-keys</c>,
/// <c>/api/v1/admin/feed-tokens</c>, the drivers' app keys, <c>/api/v1/admin/app-keys</c>, and the e-government
/// import keys, <c>/api/v1/admin/egov-import-keys</c>. A secret is shown once, in the 201 answer; a revocation works at once.
/// </summary>
public static class CredentialEndpoints
{
    public sealed record IngestKeyRequest(string? Name, List<string>? Sensors, List<string>? Zones, int? RequestsPerSecond);

    public sealed record FeedTokenRequest(string? Name, List<string>? Topics);

    public static IEndpointRouteBuilder MapCredentials(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(Roles.Admin);
        admin.MapPost("/ingest-keys", CreateIngestKey).WithName("CreateIngestKey");
        admin.MapGet("/ingest-keys", (CredentialStore store, CancellationToken ct) => List(store, CredentialStore.IngestKind, ct)).WithName("ListIngestKeys");
        admin.MapDelete("/ingest-keys/{id}", (string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
            Revoke(CredentialStore.IngestKind, id, http, user, store, refresher, audit)).WithName("RevokeIngestKey");
        admin.MapPost("/feed-tokens", CreateFeedToken).WithName("CreateFeedToken");
        admin.MapGet("/feed-tokens", (CredentialStore store, CancellationToken ct) => List(store, CredentialStore.FeedKind, ct)).WithName("ListFeedTokens");
        admin.MapDelete("/feed-tokens/{id}", (string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
            Revoke(CredentialStore.FeedKind, id, http, user, store, refresher, audit)).WithName("RevokeFeedToken");
        admin.MapPost("/app-keys", CreateAppKey).WithName("CreateParkingAppKey");
        admin.MapGet("/app-keys", (CredentialStore store, CancellationToken ct) => List(store, ParkingAppKeyRing.Kind, ct)).WithName("ListParkingAppKeys");
        admin.MapDelete("/app-keys/{id}", (string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
            Revoke(ParkingAppKeyRing.Kind, id, http, user, store, refresher, audit)).WithName("RevokeParkingAppKey");
        admin.MapPost("/egov-import-keys", CreateEgovImportKey).WithName("CreateEgovImportKey");
        admin.MapGet("/egov-import-keys", (CredentialStore store, CancellationToken ct) => List(store, EgovImportKeyRing.Kind, ct)).WithName("ListEgovImportKeys");
        admin.MapDelete("/egov-import-keys/{id}", (string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
            Revoke(EgovImportKeyRing.Kind, id, http, user, store, refresher, audit)).WithName("RevokeEgovImportKey");
        return app;
    }

    private static async Task<IResult> CreateIngestKey(
        IngestKeyRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog,
        CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        if (NameProblem(request?.Name) is { } problem) return Invalid(problem);
        if (request!.Sensors?.FirstOrDefault(s => catalog.FindSensor(s) is null) is { } sensor) return Invalid($"no sensor '{sensor}'");
        if (request.Zones?.FirstOrDefault(z => catalog.FindZone(z) is null) is { } zone) return Invalid($"no zone '{zone}'");
        if (request.RequestsPerSecond is < 1 or > 100_000) return Invalid("requestsPerSecond is 1 to 100,000");

        var scopes = new CredentialScopes { Sensors = request.Sensors ?? [], Zones = request.Zones ?? [], RequestsPerSecond = request.RequestsPerSecond };
        var (credential, secret) = await store.Create(CredentialStore.IngestKind, request.Name!, scopes, user.Identity!.Name!);
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "ingest-key-created", credential.Id, credential.Name);
        return Results.Created($"/api/v1/admin/ingest-keys/{credential.Id}", new { key = secret, credential = Describe(credential) });
    }

    private static async Task<IResult> CreateFeedToken(
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CityCatalog catalog,
        CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        var problem = NameProblem(request?.Name);
        foreach (var topic in request?.Topics ?? [])
        {
            if (problem is not null) break;
            if (topic is "zone:*" or "entity:*") continue;
            problem = FeedTopics.Validate(topic, catalog);
        }

        if (problem is not null) return Invalid(problem);
        var scopes = new CredentialScopes { Topics = request!.Topics ?? [] };
        var (credential, secret) = await store.Create(CredentialStore.FeedKind, request.Name!, scopes, user.Identity!.Name!);
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "feed-token-created", credential.Id, credential.Name);
        return Results.Created($"/api/v1/admin/feed-tokens/{credential.Id}", new { token = secret, credential = Describe(credential) });
    }

    /// <summary>A key for the drivers' app: it reaches the parking endpoints only.</summary>
    private static Task<IResult> CreateAppKey(
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
        CreateKey(ParkingAppKeyRing.Kind, "parking-app-key-created", "/api/v1/admin/app-keys", request, http, user, store, refresher, audit);

    /// <summary>A key for the city's one-stop system: it reaches <c>POST /api/v1/egov/figures</c> only.</summary>
    private static Task<IResult> CreateEgovImportKey(
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
        CreateKey(EgovImportKeyRing.Kind, "egov-import-key-created", "/api/v1/admin/egov-import-keys", request, http, user, store, refresher, audit);

    /// <summary>A key whose kind alone says what it reaches (no scopes): made, loaded at once, audited, shown once.</summary>
    private static async Task<IResult> CreateKey(string kind, string auditAction, string collection,
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        if (NameProblem(request?.Name) is { } problem) return Invalid(problem);
        var (credential, secret) = await store.Create(kind, request!.Name!, new CredentialScopes(), user.Identity!.Name!);
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), auditAction, credential.Id, credential.Name);
        return Results.Created($"{collection}/{credential.Id}", new { key = secret, credential = Describe(credential) });
    }

    private static async Task<IResult> List(CredentialStore store, string kind, CancellationToken cancellationToken) =>
        Results.Ok((await store.All(cancellationToken)).Where(c => c.Kind == kind).Select(Describe));

    private static async Task<IResult> Revoke(
        string kind, string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        if (id.Length > 64 || !await store.Revoke(kind, id))
            return Results.Problem($"No live {kind} credential '{id}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown credential");
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), $"{kind}-credential-revoked", id);
        return Results.NoContent();
    }

    /// <summary>Everything but the secret (of which only a hash is kept anyway).</summary>
    private static object Describe(StoredCredential c) => new
    {
        id = c.Id, kind = c.Kind, name = c.Name, createdAt = c.CreatedAt, createdBy = c.CreatedBy, revokedAt = c.RevokedAt,
        sensors = c.Scopes.Sensors, zones = c.Scopes.Zones, requestsPerSecond = c.Scopes.RequestsPerSecond, topics = c.Scopes.Topics,
    };

    private static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl) ? "name is 1 to 64 printable characters" : null;

    private static IResult Invalid(string problem) =>
        Results.Problem(problem + ".", statusCode: StatusCodes.Status400BadRequest, title: "Invalid credential request");
}
