using System.Net;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Open;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>Every mapped endpoint has an explicit policy; only the short allow-list is open to anyone.</summary>
public class AuthorizationCoverageTests : SqliteHostFixture
{
    private List<RouteEndpoint> Endpoints() =>
        Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

    [Test]
    public void EveryEndpoint_HasAPolicy_OrIsOnTheOpenList()
    {
        var endpoints = Endpoints();
        Assert.That(endpoints, Has.Count.GreaterThan(10), "the walk found the mapped endpoints");
        foreach (var endpoint in endpoints)
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            var open = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var guarded = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0;
            if (!open) Assert.That(guarded, Is.True, $"{pattern} has no authorization policy");
            else if (endpoint.Metadata.GetMetadata<OpenDataEndpoint>() is null)
                Assert.That(AccessPolicies.Open.Keys, Does.Contain(pattern), $"{pattern} is open to anyone but not on the allow-list");
            else
            {
                // The public surface: under /open, read-only, never also guarded (a policy there would be a mistake).
                Assert.That(pattern, Does.StartWith("/open/"), $"{pattern} is marked open data outside /open");
                Assert.That(endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods, Is.EquivalentTo(new[] { "GET" }), $"{pattern} is open data but not GET only");
                Assert.That(guarded, Is.False, $"{pattern} is both open data and guarded");
            }
        }
    }

    [Test]
    public async Task EveryGuardedEndpoint_RefusesAnAnonymousCall()
    {
        using var anonymous = Host.Anonymous();
        var guarded = Endpoints()
            .Where(e => e.Metadata.GetMetadata<IAllowAnonymous>() is null)
            .Select(e => (Pattern: "/" + e.RoutePattern.RawText!.TrimStart('/'),
                Method: e.Metadata.GetMetadata<HttpMethodMetadata>() is { HttpMethods.Count: > 0 } m ? m.HttpMethods[0] : "POST"))
            .Distinct()
            .ToList();
        foreach (var (pattern, method) in guarded)
        {
            var path = pattern.Replace("{id}", "aq-hang-dau", StringComparison.Ordinal).Replace("{sensorId}", "aq-hang-dau", StringComparison.Ordinal);
            path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[a-zA-Z]+:int\}", "1");
            using var request = new HttpRequestMessage(new HttpMethod(method), path + (path.Contains("history", StringComparison.Ordinal) ? "?metric=pm25" : ""));
            if (method == "POST") request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await anonymous.SendAsync(request);
            // A browser asking for a wall page is sent (the client follows) to the login page; everything else answers 401.
            if (response.RequestMessage?.RequestUri?.AbsolutePath == "/login")
                Assert.That((method, response.StatusCode), Is.EqualTo(("GET", HttpStatusCode.OK)), $"{method} {path} sent to the login page");
            else Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"{method} {path} answered an anonymous caller");
        }
    }

    [Test]
    public void EveryPathUnderOpen_IsOpenData()
    {
        var underOpen = Endpoints().Where(e => ("/" + e.RoutePattern.RawText!.TrimStart('/')).StartsWith("/open/", StringComparison.Ordinal)).ToList();
        Assert.That(underOpen, Has.Count.GreaterThan(5), "the open data API is mapped");
        foreach (var endpoint in underOpen)
            Assert.That(endpoint.Metadata.GetMetadata<OpenDataEndpoint>(), Is.Not.Null, $"{endpoint.RoutePattern.RawText} is under /open without the public surface's rate limit and cache");
    }

    [Test]
    public async Task TheLiveFeed_IsNotPartOfThePublicSurface()
    {
        using var anonymous = Host.Anonymous();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, "/hubs/live/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", "https://bao-dien-tu.example");
        using var response = await anonymous.SendAsync(negotiate);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "an anonymous caller gets no feed connection");
        Assert.That(response.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "and no other origin is let in");
    }

    [Test]
    public async Task OpenEndpoints_AnswerAnonymousCalls()
    {
        using var anonymous = Host.Anonymous();
        Assert.That((await anonymous.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await anonymous.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ReadApis_AcceptAPersonAFeedTokenOrAGatewayKey()
    {
        using var withToken = Host.CreateClient();
        using var withKey = Host.Ingester();
        withKey.DefaultRequestHeaders.Authorization = null;
        Assert.That((await withToken.GetAsync("/api/v1/kpi")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await withKey.GetAsync("/api/v1/catalog")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
