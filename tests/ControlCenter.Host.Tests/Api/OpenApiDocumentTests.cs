using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json.Nodes;
using ControlCenter.Host.Api;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Api;

/// <summary>
/// The generated contract is complete: every endpoint a program may call is in <c>/openapi/v1.json</c> with a
/// summary, a tag and its responses, so the document integrators read cannot drift from the code.
/// </summary>
public class OpenApiDocumentTests : SqliteHostFixture
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    /// <summary>Endpoints that are not part of the API, and why: they are pages, forms or the documents themselves.</summary>
    private static readonly Dictionary<string, string> NotApi = new()
    {
        ["/openapi/{documentName}.json"] = "the contract itself",
        ["/api/reference/{documentName?}"] = "the contract's reference page",
        ["/api/reference/"] = "the contract's reference page",
        ["/api/reference/{**path}"] = "the contract's reference page's script",
    };

    private async Task<JsonObject> Document()
    {
        using var client = Host.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>(ApiDocumentation.DocumentPath))!;
    }

    /// <summary>Endpoints made from a handler method (not pages, hubs or files), as (METHOD, /path).</summary>
    private List<(string Method, string Path)> HandlerEndpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<MethodInfo>() is not null)
            .Select(e => (Endpoint: e, Path: "/" + e.RoutePattern.RawText!.TrimStart('/')))
            .Where(e => !NotApi.ContainsKey(e.Path) && e.Endpoint.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.Path)))
            .Distinct()
            .ToList();

    [Test]
    public async Task TheDocument_ListsEveryEndpointThatProgramsCall()
    {
        var paths = (await Document())["paths"]!.AsObject();
        var documented = paths.SelectMany(p => p.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => (o.Key.ToUpperInvariant(), p.Key))).ToHashSet();

        var endpoints = HandlerEndpoints();
        Assert.That(endpoints, Has.Count.GreaterThan(50), "the walk found the API's endpoints");
        var missing = endpoints.Where(e => !documented.Contains((e.Method, TemplateOf(e.Path)))).Select(e => $"{e.Method} {e.Path}").ToList();
        Assert.That(missing, Is.Empty, "endpoints missing from the OpenAPI document");
    }

    [Test]
    public async Task EveryOperation_HasASummary_ATag_AndItsResponses()
    {
        var problems = new List<string>();
        foreach (var (path, item) in (await Document())["paths"]!.AsObject())
            foreach (var (method, node) in item!.AsObject().Where(o => Methods.Contains(o.Key)))
            {
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                if (string.IsNullOrWhiteSpace((string?)operation["summary"])) problems.Add($"{name}: no summary");
                if (operation["tags"] is not JsonArray { Count: > 0 }) problems.Add($"{name}: no tag");
                var responses = operation["responses"]?.AsObject() ?? [];
                if (!responses.Any(r => r.Key[0] is '2' or '3')) problems.Add($"{name}: no success response");
                // A bare "200 OK" with no body is what a handler returning IResult gets: the type was never declared.
                if (responses["200"] is JsonObject ok && ok["content"] is null) problems.Add($"{name}: 200 without a body type");
                if (responses.Any(r => r.Key[0] is '4' or '5') is false && method != "get") problems.Add($"{name}: declares no refusal");
            }
        Assert.That(problems, Is.Empty);
    }

    [Test]
    public async Task TheDocument_NamesTheWaysIn()
    {
        var schemes = (await Document())["components"]!["securitySchemes"]!.AsObject();
        Assert.That(schemes.Select(s => s.Key), Is.EquivalentTo(new[] { "gatewayKey", "parkingAppKey", "feedToken", "session" }));
        Assert.That((string?)schemes["gatewayKey"]!["name"], Is.EqualTo("X-Api-Key"));
    }

    [Test]
    public async Task TheDocumentAndTheReference_AreReadAsTheApiIs_AndNeedNoInternet()
    {
        using var anonymous = Host.Anonymous();
        using var refused = await anonymous.GetAsync(ApiDocumentation.DocumentPath);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        using var operatorClient = await Host.SignedIn("operator");
        var page = await operatorClient.GetStringAsync(ApiDocumentation.ReferencePath);
        Assert.That(page, Does.Contain(ApiDocumentation.DocumentPath.TrimStart('/')));
        Assert.That(page, Does.Not.Contain("cdn.jsdelivr.net").And.Not.Contain("unpkg.com"), "the reference's script comes from this host");
    }

    [Test]
    public async Task TheOpenData_HasItsOwnContract_ThatAnyoneMayRead()
    {
        using var anonymous = Host.Anonymous();
        using var response = await anonymous.GetAsync(ControlCenter.Host.Open.OpenContractEndpoint.Path);
        var document = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(paths, Does.Contain("/open/v1/air").And.Contain("/open/v1/warnings.atom"));
        Assert.That(paths, Is.All.StartWith("/open/"), "only the public surface, nothing that needs credentials");
        Assert.That(document["components"]?["securitySchemes"], Is.Null, "no way in is needed, so none is named");
    }

    /// <summary>Route constraints and defaults do not appear in the document's path templates.</summary>
    private static string TemplateOf(string path) =>
        System.Text.RegularExpressions.Regex.Replace(path.TrimEnd('/'), @"\{\*{0,2}([A-Za-z]+)(:[^}]*)?\??\}", "{$1}");
}
