using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.People;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;

namespace ControlCenter.Host.Tests.People;

/// <summary>Cookie login for the four roles: hashed passwords, lockout, the wall's access to the live feed.</summary>
public class PeopleTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    /// <summary>Few attempts before a lockout, and a user of its own for the lockout test.</summary>
    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(new[]
    {
        ("Auth:MaxFailedLogins", "3"), ("Auth:LockoutDuration", "00:01:00"),
        ("Auth:DevelopmentUsers:4:Username", "duty-officer"), ("Auth:DevelopmentUsers:4:Role", "operator"),
        ("Auth:DevelopmentUsers:4:Password", "duty-officer-hanoi"),
    });

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Host.ServerAddress };

    private static Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    [TestCase("viewer", "viewer-hanoi")]
    [TestCase("responder", "responder-hanoi")]
    [TestCase("operator", "operator-hanoi")]
    [TestCase("admin", "admin-hanoi")]
    public async Task Login_EachSeededRole_SetsASecureCookieAndKnowsTheRole(string username, string password)
    {
        using var browser = Browser();
        using var response = await Login(browser, username, password);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PeopleConfiguration.CookieName, StringComparison.Ordinal));
        Assert.That(cookie, Does.Contain("httponly").IgnoreCase.And.Contain("samesite=strict").IgnoreCase);
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.That((me.GetProperty("username").GetString(), me.GetProperty("role").GetString()), Is.EqualTo((username, username)));
    }

    [Test]
    public async Task Login_WrongPasswordOrUnknownUser_Is401WithTheSameMessage()
    {
        using var browser = Browser();
        using var wrong = await Login(browser, "admin", "not-the-password");
        using var unknown = await Login(browser, "nobody", "admin-hanoi");
        Assert.That((wrong.StatusCode, unknown.StatusCode), Is.EqualTo((HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized)));
        var a = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        var b = await unknown.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(a.GetProperty("detail").GetString(), Is.EqualTo(b.GetProperty("detail").GetString()), "the answer does not tell which was wrong");
        Assert.That((await browser.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Login_AfterRepeatedFailures_IsLockedOutEvenWithTheRightPassword()
    {
        using var browser = Browser();
        for (var i = 0; i < 3; i++) (await Login(browser, "duty-officer", "guess-" + i)).Dispose();

        using var locked = await Login(browser, "duty-officer", "duty-officer-hanoi");
        Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(locked.Headers.RetryAfter, Is.Not.Null);
        using var other = await Login(browser, "responder", "responder-hanoi");
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the lockout is per username");
    }

    [TestCase("{}")]
    [TestCase("""{"username":"admin"}""")]
    [TestCase("""{"username":"","password":"x"}""")]
    public async Task Login_Malformed_Is400(string body)
    {
        using var browser = Browser();
        using var response = await browser.PostAsync("/api/v1/auth/login", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Logout_EndsTheSession()
    {
        using var browser = Browser();
        (await Login(browser, "viewer", "viewer-hanoi")).Dispose();
        Assert.That((await browser.PostAsync("/api/v1/auth/logout", null)).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await browser.GetAsync("/api/v1/auth/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task Audit_RecordsLoginsAndFailures_ReadableByAdminsOnly()
    {
        using var intruder = Browser();
        (await Login(intruder, "responder", "wrong-" + Guid.NewGuid().ToString("N")[..6])).Dispose();
        using var admin = Browser();
        (await Login(admin, "admin", "admin-hanoi")).Dispose();

        var entries = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/audit?limit=50");
        var actions = entries!.Select(e => (e.GetProperty("actor").GetString(), e.GetProperty("action").GetString())).ToList();
        Assert.That(actions, Does.Contain(("admin", "login")).And.Contain(("responder", "login-failed")));
        Assert.That(entries!.First(e => e.GetProperty("action").GetString() == "login").GetProperty("remoteIp").GetString(), Is.Not.Empty);

        using var viewer = Browser();
        (await Login(viewer, "viewer", "viewer-hanoi")).Dispose();
        Assert.That((await viewer.GetAsync("/api/v1/admin/audit")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await admin.GetAsync("/api/v1/admin/audit?limit=0")).StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task LiveFeed_AcceptsALoggedInPersonByCookie()
    {
        var cookies = new CookieContainer();
        using (var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = Host.ServerAddress })
            Assert.That((await Login(browser, "viewer", "viewer-hanoi")).StatusCode, Is.EqualTo(HttpStatusCode.OK));

        await using var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Host.ServerAddress, "/hubs/live"), o => o.Cookies = cookies)
            .Build();
        await connection.StartAsync();
        var snapshot = await connection.InvokeAsync<JsonElement>("Subscribe", new[] { "entity:aq-hang-dau" });
        Assert.That(snapshot.GetProperty("items")[0].GetProperty("entityId").GetString(), Is.EqualTo("aq-hang-dau"));
    }
}
