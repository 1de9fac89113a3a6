using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.People;

/// <summary>
/// The login's per-client rate limit and its lockout per username and client address, with back-off. Each test
/// sends from addresses of its own; the grains' clock is moved forward to end a lockout.
/// </summary>
public class LoginThrottleTests : SqliteHostFixture
{
    private const int Burst = 16;

    private readonly MovableClock _clock = new();

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(new[]
    {
        ("Auth:MaxFailedLogins", "3"), ("Auth:LockoutDuration", "00:01:00"), ("Auth:MaxLockoutDuration", "00:03:00"),
        ("Auth:LoginsPerMinutePerClient", "1"), ("Auth:LoginBurstPerClient", Burst.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    });

    protected override void Services(IServiceCollection services)
    {
        ClientAddress.AddTo(services);
        services.AddSingleton(new CityClock(_clock));
    }

    private static Task<HttpResponseMessage> Login(HttpClient client, string username, string password) =>
        client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    private static async Task<string?> Title(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString();

    [Test]
    public async Task Login_PastTheClientsLimit_Is429WithRetryAfter_AndChecksNoPassword()
    {
        const string flooder = "203.0.113.7";
        using var client = ClientAddress.From(Host, flooder);
        for (var i = 0; i < Burst; i++)
        {
            using var allowed = await Login(client, $"flood-{i}", "guess");
            Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"attempt {i} is within the burst");
        }

        for (var i = 0; i < 3; i++)
        {
            using var refused = await Login(client, $"flood-more-{i}", "guess");
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
            Assert.That(await Title(refused), Is.EqualTo("Too many requests"));
        }

        using var form = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["Input.Username"] = "admin", ["Input.Password"] = "guess",
        }));
        Assert.That(form.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the wall's form shares the address's limit");
        Assert.That(form.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), "a person at the form gets a page, not JSON");
        var page = await form.Content.ReadAsStringAsync();
        Assert.That(page, Does.Contain("Quá nhiều lần đăng nhập từ địa chỉ này").And.Contain("href=\"/login\""), "Vietnamese first, with the way back");

        using var english = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "login", ["Input.Username"] = "admin", ["Input.Password"] = "guess" }),
        };
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den-US%7Cuic%3Den-US");
        using var englishForm = await client.SendAsync(english);
        Assert.That(englishForm.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
        Assert.That(await englishForm.Content.ReadAsStringAsync(), Does.Contain("Too many sign-in attempts from this address"));

        using var admin = ClientAddress.From(Host, "203.0.113.8");
        using (var signedIn = await Login(admin, "admin", "admin-hanoi")) Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var audit = await admin.GetFromJsonAsync<JsonElement[]>("/api/v1/admin/audit?limit=1000");
        Assert.That(audit!.Count(e => e.GetProperty("remoteIp").GetString() == flooder), Is.EqualTo(Burst),
            "one audit row (and one password check) per attempt within the limit, none past it");
    }

    [Test]
    public async Task StrangersFailures_LockOnlyTheStrangersAddress_TheUserStillGetsIn()
    {
        using var stranger = ClientAddress.From(Host, "198.51.100.1");
        for (var i = 0; i < 3; i++) (await Login(stranger, "responder", "guess-" + i)).Dispose();
        using (var locked = await Login(stranger, "responder", "responder-hanoi"))
        {
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the stranger's address is locked, even with the right password");
            Assert.That(await Title(locked), Is.EqualTo("Locked out"));
        }

        using var user = ClientAddress.From(Host, "198.51.100.2");
        using var signedIn = await Login(user, "responder", "responder-hanoi");
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the real user, from her own address, gets in");
    }

    [Test]
    public async Task Lockout_CountsAnIpv6ClientPerSlash64()
    {
        using var stranger = ClientAddress.From(Host, "2001:db8:1:2::1");
        for (var i = 0; i < 3; i++) (await Login(stranger, "viewer", "guess-" + i)).Dispose();

        using var sameNetwork = ClientAddress.From(Host, "2001:db8:1:2::99");
        using var otherNetwork = ClientAddress.From(Host, "2001:db8:1:3::1");
        using var locked = await Login(sameNetwork, "viewer", "viewer-hanoi");
        using var signedIn = await Login(otherNetwork, "viewer", "viewer-hanoi");
        Assert.That((locked.StatusCode, signedIn.StatusCode), Is.EqualTo((HttpStatusCode.TooManyRequests, HttpStatusCode.OK)));
    }

    [Test]
    public async Task Lockout_EachFurtherOneLastsTwiceAsLong_UpToTheCap()
    {
        using var client = ClientAddress.From(Host, "192.0.2.10");
        var lockouts = new List<double>();
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 3; i++)
            {
                using var failed = await Login(client, "operator", "guess-" + i);
                Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), $"round {round}, failure {i}");
            }

            using var locked = await Login(client, "operator", "operator-hanoi");
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            lockouts.Add(locked.Headers.RetryAfter!.Delta!.Value.TotalSeconds);
            _clock.Advance(locked.Headers.RetryAfter.Delta.Value + TimeSpan.FromSeconds(1));
        }

        Assert.That(lockouts, Is.EqualTo(new[] { 60.0, 120.0, 180.0 }).Within(10.0), "1 min, then 2, then the 3-minute cap (not 4)");
        using var signedIn = await Login(client, "operator", "operator-hanoi");
        Assert.That(signedIn.StatusCode, Is.EqualTo(HttpStatusCode.OK), "after the lockout the right password works");
    }
}
