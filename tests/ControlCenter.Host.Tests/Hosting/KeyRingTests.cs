using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>
/// The data-protection key ring lives in the city database: a login cookie one silo issued is accepted by another silo
/// and by a silo killed and started again. Every process gets a HOME of its own, fresh on each start (as a pod's emptyDir
/// is), so nothing can be shared through ASP.NET Core's default key folder, <c>$HOME/.aspnet</c>.
/// </summary>
public class KeyRingTests
{
    private const string User = "admin";
    private const string Password = "crash-test-admin";

    [Test]
    public async Task Cookie_IssuedByOneSilo_IsAcceptedByAnother()
    {
        await using var database = await PostgresDatabase.Create();
        using var homeA = new TempDirectory();
        using var homeB = new TempDirectory();
        // Started together on a new database: both would make a first key if the key ring's start-up lock did not exist.
        var startA = HostProcess.StartOnPostgreSql(database.ConnectionString, ("HOME", homeA.Path));
        var startB = HostProcess.StartOnPostgreSql(database.ConnectionString, ("HOME", homeB.Path));
        try
        {
            await Task.WhenAll(startA, startB);
            var cookie = await SignIn(startA.Result);

            Assert.That(await WhoIs(startB.Result, cookie), Is.EqualTo(User), "silo B reads silo A's cookie");
            Assert.That(await WhoIs(startB.Result, cookie: null), Is.Null, "without the cookie the read is refused");
        }
        finally
        {
            foreach (var start in new[] { startA, startB }.Where(s => s.IsCompletedSuccessfully)) await start.Result.DisposeAsync();
        }
    }

    [Test]
    public async Task Cookie_AfterSiloIsKilledAndStarted_IsStillAccepted_OnPostgreSql()
    {
        await using var database = await PostgresDatabase.Create();
        using var home = new TempDirectory();
        await RestartKeepsCookie(await HostProcess.StartOnPostgreSql(database.ConnectionString, ("HOME", home.Path)));
    }

    [Test]
    public async Task Cookie_AfterHostIsKilledAndStarted_IsStillAccepted_OnSqlite()
    {
        using var data = new TempDirectory();
        using var home = new TempDirectory();
        await RestartKeepsCookie(await HostProcess.Start(data.Path, ("HOME", home.Path)));
    }

    private static async Task RestartKeepsCookie(HostProcess host)
    {
        using var freshHome = new TempDirectory();
        HostProcess restarted;
        string cookie;
        await using (host)
        {
            cookie = await SignIn(host);
            await host.Kill();
            restarted = await host.Restart(("HOME", freshHome.Path));
        }

        await using (restarted)
        {
            Assert.That(await WhoIs(restarted, cookie), Is.EqualTo(User), "the restarted host reads the cookie it issued before");
        }
    }

    /// <summary>Signs in over the login endpoint and returns the cookie as a browser would send it back.</summary>
    private static async Task<string> SignIn(HostProcess host)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(host.Url) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = User, password = Password });
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(ControlCenter.Host.People.PeopleConfiguration.CookieName + "=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    /// <summary>The signed-in person's name from <c>/api/v1/auth/me</c> (people only), or null when the host refuses.</summary>
    private static async Task<string?> WhoIs(HostProcess host, string? cookie)
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = new Uri(host.Url) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/auth/me");
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await client.SendAsync(request);
        if (response.StatusCode == HttpStatusCode.Unauthorized) return null;
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["username"]?.GetValue<string>();
    }
}
