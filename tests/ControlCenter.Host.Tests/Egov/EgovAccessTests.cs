using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using static ControlCenter.Host.Tests.Egov.EgovFigures;

namespace ControlCenter.Host.Tests.Egov;

/// <summary>Who may import and read the figures, and the import key that opens the import and nothing else.</summary>
public class EgovAccessTests : SqliteHostFixture
{
    private HttpClient WithBearer(string secret)
    {
        var client = Host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        return client;
    }

    [TestCase("viewer")]
    [TestCase("operator")]
    public async Task Import_ByAPersonWhoIsNotAnAdmin_Is403(string user)
    {
        using var person = await Host.SignedIn(user);
        using var response = await person.PostAsync("/api/v1/egov/figures", Csv(Line("access-a", "2017-01")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await person.GetStringAsync("/api/v1/egov/summary"), Does.Contain("baselineOnTimePct"), "but reading is allowed");
    }

    [Test]
    public async Task Import_Anonymous_OrWithAFeedTokenOrGatewayKey_Is401()
    {
        using var anonymous = Host.Anonymous();
        using var feed = Host.CreateClient();
        using var gateway = Host.Ingester();
        gateway.DefaultRequestHeaders.Authorization = null;
        foreach (var client in new[] { anonymous, feed, gateway })
        {
            using var response = await client.PostAsync("/api/v1/egov/figures", Csv(Line("access-b", "2017-01")));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        using var read = await anonymous.GetAsync("/api/v1/egov/figures");
        Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ImportKey_MadeByAnAdmin_ImportsButOpensNothingElse_AndRevokedStopsAtOnce()
    {
        using var admin = await Host.SignedIn("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/egov-import-keys", new { name = "mot-cua-ha-noi" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var key = body.GetProperty("key").GetString()!;
        var id = body.GetProperty("credential").GetProperty("id").GetString()!;
        Assert.That(await admin.GetStringAsync("/api/v1/admin/egov-import-keys"), Does.Contain(id).And.Not.Contain(key));

        using var system = WithBearer(key);
        using (var import = await system.PostAsync("/api/v1/egov/figures", Csv(Line("access-c", "2017-01"))))
            Assert.That(import.StatusCode, Is.EqualTo(HttpStatusCode.OK), await import.Content.ReadAsStringAsync());
        var rows = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/egov/figures?department=access-c");
        Assert.That(rows![0].GetProperty("importedBy").GetString(), Is.EqualTo("mot-cua-ha-noi"));

        foreach (var path in new[] { "/api/v1/egov/summary", "/api/v1/egov/figures", "/api/v1/catalog", "/api/v1/alerts", "/api/v1/admin/egov-import-keys" })
        {
            using var other = await system.GetAsync(path);
            Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), path);
        }

        using (var readings = await system.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("aq-hang-dau", DateTimeOffset.UtcNow, new { pm25 = 10 }))))
            Assert.That(readings.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));

        Assert.That((await admin.DeleteAsync($"/api/v1/admin/egov-import-keys/{id}")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var revoked = await system.PostAsync("/api/v1/egov/figures", Csv(Line("access-c", "2017-02"))))
            Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var audit = await admin.GetStringAsync("/api/v1/admin/audit");
        Assert.That(audit, Does.Contain("egov-import-key-created").And.Contain("egov-import-credential-revoked").And.Contain("egov-figures-imported"));
    }

    [Test]
    public async Task ImportKeys_AreManagedByAdminsOnly()
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync("/api/v1/admin/egov-import-keys", new { name = "x" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
