using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.People;

/// <summary>
/// Sign-in through an OpenID Connect provider (a real one on a loopback port): code flow with PKCE, the role
/// from the provider's claim, the same cookie and policies as a password login.
/// </summary>
public class SingleSignOnTests
{
    private FakeIdentityProvider _provider = null!;
    private TempDirectory _data = null!;
    private CityHost _host = null!;

    [OneTimeSetUp]
    public async Task Start()
    {
        _provider = await FakeIdentityProvider.Start();
        _data = new TempDirectory();
        _host = CityHost.OnSqlite(_data.Path, ("Auth:Oidc:Authority", _provider.Authority), ("Auth:Oidc:ClientId", FakeIdentityProvider.ClientId),
            ("Auth:Oidc:ClientSecret", FakeIdentityProvider.ClientSecret), ("Auth:Oidc:RequireHttpsMetadata", "false")).WithKestrel();
        await _host.WaitUntilReady();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        await _host.DisposeAsync();
        await _provider.DisposeAsync();
        _data.Dispose();
    }

    private HttpClient Browser() => new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = _host.ServerAddress };

    [Test]
    public async Task ProviderGrantsResponder_SignsInWithThatRole_AndMayAcknowledge()
    {
        _provider.NextPerson = ("lan", ["viewer", "responder"]);
        using var browser = Browser();
        using var wall = await browser.GetAsync("/login/oidc");
        Assert.That((wall.StatusCode, wall.RequestMessage!.RequestUri!.AbsolutePath), Is.EqualTo((HttpStatusCode.OK, "/")), "back on the wall, signed in");
        var me = await browser.GetFromJsonAsync<JsonElement>("/api/v1/auth/me");
        Assert.That((me.GetProperty("username").GetString(), me.GetProperty("role").GetString()), Is.EqualTo(("lan", "responder")), "the highest role granted");

        using var op = await _host.SignedIn("operator");
        using var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Kiểm tra đăng nhập một lần", severity = "minor" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var ack = await browser.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { });
        Assert.That(ack.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ack.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("acknowledgedBy").GetString(), Is.EqualTo("lan"));
    }

    [Test]
    public async Task ProviderGrantsNoControlCenterRole_IsRefused()
    {
        _provider.NextPerson = ("khach", ["payroll"]);
        using var browser = Browser();
        using var response = await browser.GetAsync("/login/oidc");
        Assert.That(response.RequestMessage!.RequestUri!.PathAndQuery, Is.EqualTo("/login?sso=failed"));
        using var me = await browser.GetAsync("/api/v1/auth/me");
        Assert.That(me.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task LoginPage_OffersTheProvider()
    {
        using var browser = Browser();
        var page = await browser.GetStringAsync("/login");
        Assert.That(page, Does.Contain("id=\"login-oidc\"").And.Contain("href=\"/login/oidc\""));
    }
}
