using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Webhooks;

/// <summary>Hostile and mistaken registrations get problem details and change nothing; the secret never comes back.</summary>
public class WebhookRegistrationTests : SqliteHostFixture
{
    private const string Receiver = "http://127.0.0.1:9/hook";
    private const string RefusedSeries = "controlcenter_webhook_registrations_refused_total";

    protected override bool WithKestrel => true;

    public static IEnumerable<TestCaseData> BadBodies()
    {
        const string s = WebhookApi.Secret;
        yield return new TestCaseData("""{ "secret": "test-secret-0123456789" }""", "url is required").SetName("Register_NoUrl_IsRefused");
        yield return new TestCaseData($$"""{ "url": "/hook", "secret": "{{s}}" }""", "absolute http or https").SetName("Register_RelativeUrl_IsRefused");
        yield return new TestCaseData($$"""{ "url": "ftp://127.0.0.1/hook", "secret": "{{s}}" }""", "absolute http or https").SetName("Register_FtpUrl_IsRefused");
        yield return new TestCaseData($$"""{ "url": "http://127.0.0.1/{{new string('a', 3000)}}", "secret": "{{s}}" }""", "at most 2048").SetName("Register_HugeUrl_IsRefused");
        yield return new TestCaseData($$"""{ "url": "http://user:pw@127.0.0.1:9/hook", "secret": "{{s}}" }""", "user name or password").SetName("Register_UrlWithCredentials_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "short" }""", "secret is 16 to 256").SetName("Register_ShortSecret_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}" }""", "secret is 16 to 256").SetName("Register_NoSecret_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "events": ["raised", "exploded"] }""", "events is").SetName("Register_UnknownEvent_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "events": [] }""", "events is").SetName("Register_NoEvents_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "events": [null] }""", "events is").SetName("Register_NullEvent_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "format": "xml" }""", "format is").SetName("Register_UnknownFormat_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "matcher": { "zoneId": "atlantis" } }""", "no zone").SetName("Register_UnknownZone_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "matcher": { "ruleId": "nope" } }""", "no rule").SetName("Register_UnknownRule_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "matcher": { "domain": "weather" } }""", "matcher.domain").SetName("Register_UnknownDomain_IsRefused");
        yield return new TestCaseData($$"""{ "url": "{{Receiver}}", "secret": "{{s}}", "matcher": { "severity": "apocalyptic" } }""", "matcher.severity").SetName("Register_UnknownSeverity_IsRefused");
        yield return new TestCaseData("""{ "url": 42, "secret": [] }""", "").SetName("Register_WrongJsonTypes_IsRefused");
        yield return new TestCaseData("""{ "url": "http://127.0.0.1""", "").SetName("Register_MalformedJson_IsRefused");
        yield return new TestCaseData("null", "JSON body").SetName("Register_NullBody_IsRefused");
    }

    [TestCaseSource(nameof(BadBodies))]
    public async Task Register_BadBody_AnswersProblemDetails(string body, string detail)
    {
        using var admin = await Host.SignedIn("admin");
        var before = await Count(admin);
        var refusedBefore = await WebhookApi.Metric(admin, RefusedSeries);

        using var response = await admin.PostAsync("/api/v1/admin/webhooks", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        // A body that is not JSON at all is refused by ASP.NET Core before the endpoint can count it.
        if (detail.Length > 0) Assert.That(await WebhookApi.Metric(admin, RefusedSeries), Is.GreaterThan(refusedBefore), "counted");
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        if (detail.Length > 0) Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain(detail));
        Assert.That(await Count(admin), Is.EqualTo(before), "nothing was registered");
    }

    [Test]
    public async Task Register_UrlOfTheCentreItself_IsRefused()
    {
        using var admin = await Host.SignedIn("admin");
        foreach (var url in new[] { new Uri(Host.ServerAddress, "/api/v1/readings").ToString(), $"http://localhost:{Host.ServerAddress.Port}/x" })
        {
            using var response = await admin.PostAsJsonAsync("/api/v1/admin/webhooks", new { url, secret = WebhookApi.Secret });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), url);
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("centre itself"));
        }
    }

    [Test]
    public async Task Register_ByAnOperator_IsForbidden()
    {
        using var op = await Host.SignedIn("operator");
        using var response = await op.PostAsJsonAsync("/api/v1/admin/webhooks", new { url = Receiver, secret = WebhookApi.Secret });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task Register_ListAndDelete_NeverShowTheSecret_AndAreAudited()
    {
        using var admin = await Host.SignedIn("admin");
        var id = await WebhookApi.Register(admin, Receiver, "long-bien", format: "cap");

        var listed = await admin.GetStringAsync("/api/v1/admin/webhooks");
        Assert.That(listed, Does.Contain(id).And.Not.Contain(WebhookApi.Secret));
        var one = await WebhookApi.Get(admin, id);
        Assert.That((one.GetProperty("format").GetString(), one.GetProperty("capScope").GetString()), Is.EqualTo(("cap", "restricted")));
        Assert.That(one.GetProperty("events").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "raised", "escalated", "acknowledged", "resolved" }));

        using (var deleted = await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}")) Assert.That(deleted.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var again = await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}")) Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var gone = await admin.GetAsync($"/api/v1/admin/webhooks/{id}")) Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await WebhookApi.AuditActions(admin, id), Is.SupersetOf(new[] { "webhook-registered", "webhook-deleted" }));
    }

    [Test]
    public async Task Replay_WithoutSayingWhat_IsRefused()
    {
        using var admin = await Host.SignedIn("admin");
        var id = await WebhookApi.Register(admin, Receiver, "bac-tu-liem");
        using var neither = await admin.PostAsJsonAsync($"/api/v1/admin/webhooks/{id}/dead-letters/replay", new { });
        Assert.That(neither.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var unknown = await admin.PostAsJsonAsync($"/api/v1/admin/webhooks/{id}/dead-letters/replay", new { deliveryId = "nope" });
        Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var noHook = await admin.PostAsJsonAsync("/api/v1/admin/webhooks/wh-999999/dead-letters/replay", new { all = true });
        Assert.That(noHook.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var deleted = await admin.DeleteAsync($"/api/v1/admin/webhooks/{id}");
    }

    private static async Task<int> Count(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/webhooks")).GetArrayLength();
}
