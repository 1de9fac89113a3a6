using System.Text.Json.Nodes;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// NGSI-LD entities, read-only and anonymous, as FIWARE Smart Data Models (docs/open-data-ngsi-ld.md):
/// <c>GET /open/ngsi-ld/v1/entities?type=…</c> and <c>GET /open/ngsi-ld/v1/entities/{urn}</c>, optionally with
/// <c>options=keyValues</c>. They read only the public picture and the catalogue, like the rest of /open.
/// </summary>
public static class NgsiLdEndpoints
{
    public const string Prefix = "/open/ngsi-ld/v1";

    /// <summary>What an integrator must know of every NGSI-LD address, beyond the public surface's rules.</summary>
    public const string Rules =
        "JSON-LD (application/ld+json) unless Accept prefers application/json, which names the @context in a Link header instead; 406 if neither. "
        + "options=keyValues (or simplified) for bare values, normalized by default. Filters and paging are refused (400), never ignored.";

    public static RouteGroupBuilder MapNgsiLd(this RouteGroupBuilder ngsi)
    {
        // One URL serves every type: the cache keys on the stamp of the topic the ?type= names (all of them for a
        // type we do not publish, which is refused anyway).
        ngsi.MapGet("/entities", List).WithName("NgsiLdEntities")
            .AsOpenData(http => NgsiLdModels.Find(http.Request.Query["type"].ToString())?.Topic ?? OpenEndpoints.AllTopics, "the ?type= named", readsQuery: true)
            .VaryByAccept()
            .WithSummary("Every entity of one type (?type=), as FIWARE Smart Data Models")
            .Produces<JsonObject[]>(StatusCodes.Status200OK, NgsiLdMediaTypes.JsonLd, NgsiLdMediaTypes.Json)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status406NotAcceptable)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        // One route per type, so that an entity's cached answer follows its own topic.
        foreach (var model in NgsiLdModels.All)
        {
            ngsi.MapGet($"/entities/{NgsiLdUrn.Prefix}{model.Type}:{{id}}", (string id, HttpContext http, CityCatalog catalog, OpenCity city,
                    ThresholdSource thresholds, IOptions<OpenDataOptions> options) => One(model, id, http, new NgsiLdSource(catalog, city, thresholds, options.Value)))
                .WithName($"NgsiLd{model.Type}")
                .AsOpenData(model.Topic, readsQuery: true)
                .VaryByAccept()
                .WithSummary($"One {model.Type} entity by its URN")
                .Produces<JsonObject>(StatusCodes.Status200OK, NgsiLdMediaTypes.JsonLd, NgsiLdMediaTypes.Json)
                .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
                .ProducesProblem(StatusCodes.Status406NotAcceptable).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        }

        // Whatever else is asked for under /entities: a malformed id, or a type we do not publish. It only refuses,
        // so the contract is the typed routes above.
        ngsi.MapGet("/entities/{id}", NotOurs).WithName("NgsiLdEntityUnknown").AsOpenData(OpenEndpoints.AllTopics, readsQuery: true)
            .ExcludeFromDescription();
        return ngsi;
    }

    /// <summary>
    /// <see cref="OpenSurface.AsOpenData"/> varies the cache by query and encoding; these answers also vary by
    /// <c>Accept</c> (JSON-LD or JSON). The output cache applies an endpoint's <see cref="OutputCacheAttribute"/> on
    /// top of its policy, so this adds the header to the key without replacing that policy.
    /// </summary>
    private static RouteHandlerBuilder VaryByAccept(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(new OutputCacheAttribute { VaryByHeaderNames = [HeaderNames.Accept] });

    private static Results<OpenAnswer, ProblemHttpResult> List(HttpContext http, CityCatalog catalog, OpenCity city, ThresholdSource thresholds, IOptions<OpenDataOptions> options)
    {
        var query = http.Request.Query;
        if (UnsupportedParameter(query, "type", "options") is { } refused) return refused;
        if (query["type"] is not { Count: 1 } types || string.IsNullOrEmpty(types[0]))
            return NgsiLdProblems.BadRequest($"Say which type with ?type=: one of {NgsiLdProblems.TypeList}.", listTypes: true);
        if (NgsiLdModels.Find(types[0]) is not { } model)
            return NgsiLdProblems.BadRequest($"Unknown type '{NgsiLdProblems.Clip(types[0])}'. Types: {NgsiLdProblems.TypeList}.", listTypes: true);
        if (NgsiLdFormats.Parse(query["options"]) is not { } format) return BadOptions();
        if (NgsiLdMediaTypes.Negotiate(http.Request) is not { } media) return NgsiLdProblems.NotAcceptable();
        if (!city.IsReady) return OpenEndpoints.NotReady(http);

        var source = new NgsiLdSource(catalog, city, thresholds, options.Value);
        var context = media == NgsiLdMediaType.JsonLd ? model.Context : null;
        var body = new JsonArray([.. model.Entities(source).Select(e => (JsonNode)NgsiLdJson.Render(e, format, context))]);
        return Answer(http, body, media, model);
    }

    private static Results<OpenAnswer, ProblemHttpResult> One(NgsiLdModel model, string id, HttpContext http, NgsiLdSource source)
    {
        var urn = NgsiLdUrn.Of(model.Type, id);
        if (UnsupportedParameter(http.Request.Query, "options") is { } refused) return refused;
        if (!EntityId.IsValid(id)) return NgsiLdProblems.BadRequest($"'{NgsiLdProblems.Clip(urn)}' is not an entity id of ours ({NgsiLdUrn.Prefix}<Type>:<catalogue id>).");
        if (NgsiLdFormats.Parse(http.Request.Query["options"]) is not { } format) return BadOptions();
        if (NgsiLdMediaTypes.Negotiate(http.Request) is not { } media) return NgsiLdProblems.NotAcceptable();
        if (!source.City.IsReady) return OpenEndpoints.NotReady(http);

        // Route literals match whatever the case; a URN names exactly one spelling.
        var asked = http.Request.Path.Value ?? "";
        if (!asked.EndsWith(urn, StringComparison.Ordinal) || model.Entity(id, source) is not { } entity)
            return NgsiLdProblems.NotFound($"No entity '{NgsiLdProblems.Clip(urn)}' (unknown, or no observation yet).");
        return Answer(http, NgsiLdJson.Render(entity, format, media == NgsiLdMediaType.JsonLd ? model.Context : null), media, model);
    }

    private static ProblemHttpResult NotOurs(string id)
    {
        if (!NgsiLdUrn.TryParse(id, out var type, out _))
            return NgsiLdProblems.BadRequest($"'{NgsiLdProblems.Clip(id)}' is not an entity id of ours ({NgsiLdUrn.Prefix}<Type>:<catalogue id>).");
        return NgsiLdProblems.NotFound($"No entity '{NgsiLdProblems.Clip(id)}': type '{NgsiLdProblems.Clip(type)}' is not published. Types: {NgsiLdProblems.TypeList}.",
            listTypes: true);
    }

    private static ProblemHttpResult BadOptions() =>
        NgsiLdProblems.BadRequest("options takes one of: keyValues, simplified, normalized.");

    /// <summary>Filters and paging we do not implement are refused, never silently ignored (the answer would look filtered).</summary>
    private static ProblemHttpResult? UnsupportedParameter(IQueryCollection query, params string[] supported)
    {
        // Query keys are case-insensitive everywhere in ASP.NET Core (and in the output cache's key): here too.
        var other = query.Keys.FirstOrDefault(k => !supported.Contains(k, StringComparer.OrdinalIgnoreCase));
        return other is null ? null
            : NgsiLdProblems.BadRequest($"Parameter '{NgsiLdProblems.Clip(other)}' is not supported here; these take {string.Join(" and ", supported)}.");
    }

    private static OpenAnswer Answer(HttpContext http, JsonNode body, NgsiLdMediaType media, NgsiLdModel model)
    {
        var headers = http.Response.Headers;
        headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        if (media == NgsiLdMediaType.Json) headers.Link = NgsiLdMediaTypes.ContextLink(model.Context);
        var contentType = media == NgsiLdMediaType.JsonLd ? NgsiLdMediaTypes.JsonLd : NgsiLdMediaTypes.Json;
        return OpenResponse.Bytes(http, NgsiLdJson.Bytes(body), contentType, OpenResponse.LiveMaxAge);
    }
}
