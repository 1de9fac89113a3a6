using System.Security.Claims;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Parking;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Http.HttpResults;

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

    /// <summary>A credential as the API shows it: everything but the secret (of which only a hash is kept anyway).</summary>
    public sealed record CredentialView(
        string Id, string Kind, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt,
        List<string> Sensors, List<string> Zones, int? RequestsPerSecond, List<string> Topics);

    /// <summary>A new key and what it is; the key is never shown again.</summary>
    public sealed record CreatedKey(string Key, CredentialView Credential);

    /// <summary>A new feed token and what it is; the token is never shown again.</summary>
    public sealed record CreatedToken(string Token, CredentialView Credential);

    private const string ShownOnce = "The secret is in this answer only; the server keeps its SHA-256 hash.";

    public static RouteGroupBuilder MapCredentials(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Credentials").RequireAuthorization(Roles.Admin);
        admin.MapPost("/ingest-keys", CreateIngestKey).WithName("CreateIngestKey")
            .WithSummary("Create a gateway's or an integration's ingest key")
            .WithDescription("sensors and zones, when given, limit what the key may send (403 outside them); requestsPerSecond replaces Ingest:RequestsPerSecond for this key. " + ShownOnce)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        MapListAndRevoke(admin, "/ingest-keys", CredentialStore.IngestKind, "an ingest key", "ingest keys", "ListIngestKeys", "RevokeIngestKey");
        admin.MapPost("/feed-tokens", CreateFeedToken).WithName("CreateFeedToken")
            .WithSummary("Create a feed token for another system")
            .WithDescription("topics, when given, limit what the token may subscribe to (zone:* and entity:* allow every zone or entity). " + ShownOnce)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        MapListAndRevoke(admin, "/feed-tokens", CredentialStore.FeedKind, "a feed token", "feed tokens", "ListFeedTokens", "RevokeFeedToken");
        admin.MapPost("/app-keys", CreateAppKey).WithName("CreateParkingAppKey")
            .WithSummary("Create a key for the drivers' parking app")
            .WithDescription("The key reaches the parking endpoints and nothing else. " + ShownOnce)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        MapListAndRevoke(admin, "/app-keys", ParkingAppKeyRing.Kind, "a parking app key", "parking app keys", "ListParkingAppKeys", "RevokeParkingAppKey");
        admin.MapPost("/egov-import-keys", CreateEgovImportKey).WithName("CreateEgovImportKey")
            .WithSummary("Create an import key for the one-stop e-government system")
            .WithDescription("The key reaches POST /api/v1/egov/figures and nothing else. " + ShownOnce)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        MapListAndRevoke(admin, "/egov-import-keys", EgovImportKeyRing.Kind, "an e-government import key", "e-government import keys", "ListEgovImportKeys", "RevokeEgovImportKey");
        return api;
    }

    private static void MapListAndRevoke(RouteGroupBuilder admin, string collection, string kind, string one, string many, string listName, string revokeName)
    {
        admin.MapGet(collection, (CredentialStore store, CancellationToken ct) => List(store, kind, ct))
            .WithName(listName).WithSummary($"List {many}, revoked ones included, without their secrets");
        admin.MapDelete(collection + "/{id}", (string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
                Revoke(kind, id, http, user, store, refresher, audit))
            .WithName(revokeName).WithSummary($"Revoke {one}")
            .WithDescription("Works at once on this host and within 2 s on every other (open feed connections of a token are closed). An unknown or already revoked id is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateIngestKey(
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
        return TypedResults.Created($"/api/v1/admin/ingest-keys/{credential.Id}", new CreatedKey(secret, Describe(credential)));
    }

    private static async Task<Results<Created<CreatedToken>, ProblemHttpResult>> CreateFeedToken(
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
        return TypedResults.Created($"/api/v1/admin/feed-tokens/{credential.Id}", new CreatedToken(secret, Describe(credential)));
    }

    private static Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateAppKey(
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
        CreateKey(ParkingAppKeyRing.Kind, "parking-app-key-created", "/api/v1/admin/app-keys", request, http, user, store, refresher, audit);

    private static Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateEgovImportKey(
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit) =>
        CreateKey(EgovImportKeyRing.Kind, "egov-import-key-created", "/api/v1/admin/egov-import-keys", request, http, user, store, refresher, audit);

    /// <summary>A key whose kind alone says what it reaches (no scopes): made, loaded at once, audited, shown once.</summary>
    private static async Task<Results<Created<CreatedKey>, ProblemHttpResult>> CreateKey(string kind, string auditAction, string collection,
        FeedTokenRequest? request, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        if (NameProblem(request?.Name) is { } problem) return Invalid(problem);
        var (credential, secret) = await store.Create(kind, request!.Name!, new CredentialScopes(), user.Identity!.Name!);
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), auditAction, credential.Id, credential.Name);
        return TypedResults.Created($"{collection}/{credential.Id}", new CreatedKey(secret, Describe(credential)));
    }

    private static async Task<Ok<List<CredentialView>>> List(CredentialStore store, string kind, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.All(cancellationToken)).Where(c => c.Kind == kind).Select(Describe).ToList());

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        string kind, string id, HttpContext http, ClaimsPrincipal user, CredentialStore store, CredentialRefresher refresher, AuditLog audit)
    {
        if (id.Length > 64 || !await store.Revoke(kind, id)) return Problems.NotFound($"No live {kind} credential '{id}'.", "Unknown credential");
        await refresher.ReloadNow(CancellationToken.None);
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), $"{kind}-credential-revoked", id);
        return TypedResults.NoContent();
    }

    private static CredentialView Describe(StoredCredential c) => new(
        c.Id, c.Kind, c.Name, c.CreatedAt, c.CreatedBy, c.RevokedAt, c.Scopes.Sensors, c.Scopes.Zones, c.Scopes.RequestsPerSecond, c.Scopes.Topics);

    private static string? NameProblem(string? name) =>
        string.IsNullOrWhiteSpace(name) || name.Length > 64 || name.Any(char.IsControl) ? "name is 1 to 64 printable characters" : null;

    private static ProblemHttpResult Invalid(string problem) => Problems.Invalid(problem + ".", "Invalid credential request");
}
