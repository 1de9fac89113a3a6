using System.Net;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests;

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
            if (open) Assert.That(AccessPolicies.Open.Keys, Does.Contain(pattern), $"{pattern} is open to anyone but not on the allow-list");
            else Assert.That(guarded, Is.True, $"{pattern} has no authorization policy");
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
