using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ControlCenter.Host.Tests.Credentials;

/// <summary>Administrators make, list and revoke gateway keys and feed tokens over the API; a revocation works at once.</summary>
public class CredentialTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    private async Task<HttpClient> LoggedIn(string role)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Host.ServerAddress };
        using var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = role, password = role + "-hanoi" });
        Assert.That(login.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return client;
    }

    private HttpClient Gateway(string key)
    {
        var client = new HttpClient { BaseAddress = Host.ServerAddress };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    [Test]
    public async Task IngestKey_CreatedScopedListedWithoutSecret_RevokedStopsAtOnce()
    {
        using var admin = await LoggedIn("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/ingest-keys", new { name = "west-lake-gateway", zones = new[] { "tay-ho" } });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("credential").GetProperty("id").GetString()!;

        using var gateway = Gateway(key);
        var now = DateTimeOffset.UtcNow;
        Assert.That((await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("wq-ho-tay-quang-an", now, new { @do = 6.2 })))).StatusCode,
            Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-phan-boi-chau", now, new { depthCm = 1 })))).StatusCode,
            Is.EqualTo(HttpStatusCode.Forbidden), "outside its zone");

        var listed = await admin.GetStringAsync("/api/v1/admin/ingest-keys");
        Assert.That(listed, Does.Contain(id).And.Contain("west-lake-gateway").And.Not.Contain(key));

        Assert.That((await admin.DeleteAsync($"/api/v1/admin/ingest-keys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("wq-ho-tay-quang-an", now.AddSeconds(-1), new { @do = 6.1 })))).StatusCode,
            Is.EqualTo(HttpStatusCode.Unauthorized), "a revoked key stops working at once");
        Assert.That((await admin.DeleteAsync($"/api/v1/admin/ingest-keys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        var audit = await admin.GetStringAsync("/api/v1/admin/audit");
        Assert.That(audit, Does.Contain("ingest-key-created").And.Contain("ingest-credential-revoked"));
    }

    [Test]
    public async Task FeedToken_LimitedToTopics_RevokedClosesItsConnections()
    {
        using var admin = await LoggedIn("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/feed-tokens", new { name = "parking-app", topics = new[] { "parking" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("token").GetString()!;
        var id = body.GetProperty("credential").GetProperty("id").GetString()!;

        await using var app = await FeedClient.Connect(Host.ServerAddress, token);
        Assert.That((await app.Subscribe("parking")).GetProperty("items").GetArrayLength(), Is.GreaterThan(0));
        Assert.That(async () => await app.Subscribe("air"), Throws.InstanceOf<Microsoft.AspNetCore.SignalR.HubException>());

        Assert.That((await admin.DeleteAsync($"/api/v1/admin/feed-tokens/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.Until(() => Task.FromResult(app.Connection.State), s => s == HubConnectionState.Disconnected, "the revoked token's connection to be closed");
        Assert.That(async () => await FeedClient.Connect(Host.ServerAddress, token), Throws.InstanceOf<HttpRequestException>());
    }

    [TestCase("viewer")]
    [TestCase("operator")]
    public async Task OnlyAdmins_ManageCredentials(string role)
    {
        using var person = await LoggedIn(role);
        Assert.That((await person.PostAsJsonAsync("/api/v1/admin/ingest-keys", new { name = "x" })).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await person.GetAsync("/api/v1/admin/feed-tokens")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [TestCase("""{"name":""}""")]
    [TestCase("""{"name":"g","zones":["atlantis"]}""")]
    [TestCase("""{"name":"g","sensors":["no-such-sensor"]}""")]
    [TestCase("""{"name":"g","requestsPerSecond":0}""")]
    public async Task IngestKey_BadRequest_Is400(string json)
    {
        using var admin = await LoggedIn("admin");
        using var response = await admin.PostAsync("/api/v1/admin/ingest-keys", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
