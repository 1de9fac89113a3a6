using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Simulator;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Drills;

/// <summary>Drills: an operator starts a scenario on the centre (API or wall); it feeds the centre through its own ingest API.</summary>
public class DrillTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    private static async Task<HttpResponseMessage> Start(HttpClient client, string name, double speed) =>
        await client.PostAsJsonAsync($"/api/v1/drills/{name}/start", new { speed });

    private async Task StopAny()
    {
        using var op = await Host.SignedIn("operator");
        using var _ = await op.PostAsync("/api/v1/drills/stop", null);
        using var reader = Host.CreateClient();
        await Eventually.Until(async () => (await reader.GetAsync("/api/v1/drills/active")).StatusCode, s => s == HttpStatusCode.NoContent, "no drill running");
    }

    [Test]
    public async Task Operator_StartsTheMonsoonDrill_ItRaisesStormFlooding_ThenStopsIt()
    {
        await StopAny();
        using var op = await Host.SignedIn("operator");
        // At speed 30 the hour-long drill lasts 2 minutes and its storm flooding comes within the first (its file
        // expects it by minute 30): it is still running when it is stopped below.
        using (var started = await Start(op, "monsoon-storm", 30)) Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using var reader = Host.CreateClient();
        var active = await reader.GetFromJsonAsync<JsonElement>("/api/v1/drills/active");
        Assert.That((active.GetProperty("name").GetString(), active.GetProperty("startedBy").GetString()), Is.EqualTo(("monsoon-storm", "operator")));

        using (var again = await Start(op, "winter-smog", 20)) Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "one drill at a time");
        await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>("/api/v1/alerts?zoneId=hoan-kiem&severity=critical"),
            a => a.EnumerateArray().Any(x => x.GetProperty("ruleId").GetString() == "cross.storm-flooding"), "the drill's storm flooding", TimeSpan.FromMinutes(2));

        using (var stop = await op.PostAsync("/api/v1/drills/stop", null)) Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.Until(async () => (await reader.GetAsync("/api/v1/drills/active")).StatusCode, s => s == HttpStatusCode.NoContent, "the drill to end");
        using var admin = await Host.SignedIn("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.That(audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()), Does.Contain("drill-started").And.Contain("drill-stopped"));
    }

    [TestCase("responder", "monsoon-storm", 10, HttpStatusCode.Forbidden)]
    [TestCase("operator", "no-such-scenario", 10, HttpStatusCode.NotFound)]
    [TestCase("operator", "rush-hour", 500, HttpStatusCode.BadRequest)]
    [TestCase("operator", "rush-hour", 0, HttpStatusCode.BadRequest)]
    public async Task Start_Refused(string user, string name, double speed, HttpStatusCode expected)
    {
        await StopAny();
        using var client = await Host.SignedIn(user);
        using var response = await Start(client, name, speed);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        using var reader = Host.CreateClient();
        Assert.That((await reader.GetAsync("/api/v1/drills/active")).StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task NormalDaySimulator_PausesWhileADrillRuns()
    {
        await StopAny();
        using var op = await Host.SignedIn("operator");
        using (var started = await Start(op, "rush-hour", 1)) Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(["normal", "--url", Host.ServerAddress.ToString(), "--speed", "60", "--duration", "4"], output, CancellationToken.None);
        Assert.That(exit, Is.Zero);
        Assert.That(output.ToString(), Does.Contain("paused while the drill 'rush-hour' runs"));
        await StopAny();
    }

    [Test]
    public async Task Wall_OperatorStartsADrill_EveryoneSeesTheBanner_ViewerCannotStart()
    {
        await StopAny();
        await using var browser = await Browser.Launch();
        var viewer = await browser.SignedIn(Host.ServerAddress, "viewer");
        await Assertions.Expect(viewer.Locator("#drill-start")).ToHaveCountAsync(0);
        var op = await browser.SignedIn(Host.ServerAddress, "operator");
        await op.SelectOptionAsync("#drill-scenario", "winter-smog");
        await op.ClickAsync("#drill-start");
        await Assertions.Expect(op.Locator("#drill-banner")).ToContainTextAsync("Ô nhiễm bụi mịn mùa đông");
        await Assertions.Expect(viewer.Locator("#drill-banner")).ToContainTextAsync("ĐANG DIỄN TẬP");
        await Assertions.Expect(viewer.Locator("#drill-stop")).ToHaveCountAsync(0);
        await op.ClickAsync("#drill-stop");
        await Assertions.Expect(viewer.Locator("#drill-banner")).ToHaveCountAsync(0);
    }
}
