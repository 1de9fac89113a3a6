using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Scenarios;
using ControlCenter.Scenarios.Ingest;
using ControlCenter.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Simulator;

/// <summary>
/// Each shipped scenario, time-compressed against its own real host, raises the alerts its file names. Three
/// real-time durations are shortened for CI by an admin's threshold change (as an operator could): a jam, a full
/// lot and a crowd alert at once instead of after 5 or 10 minutes, and a sensor is stale after one missed interval.
/// A scenario set on a past moment of the week (a Saturday night) gets a host whose city clock reads that moment,
/// as a centre would on that night: the walking-street rules read the centre's clock, not the simulator's.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class ScenarioTests
{
    /// <summary>
    /// Forty city minutes a minute, but a power cut at twenty: the centre judges a silent sensor on real time (stale
    /// after one missed interval), so the outage's 28 city minutes must last long enough in real seconds.
    /// </summary>
    private static string SpeedOf(string scenario) => scenario == "zone-outage" ? "20" : "40";

    public static IEnumerable<string> Shipped => Scenario.Names;

    [Test]
    public void ShippedScenarios_AreTheFiveTheIssueNames_AndLoad()
    {
        Assert.That(Shipped, Is.EquivalentTo(new[]
        {
            "monsoon-storm", "rush-hour", "winter-smog", "west-lake-oxygen-crash", "zone-outage", "tet-festival", "walking-street-storm",
        }));
        foreach (var name in Shipped) Assert.That(Scenario.Load(name).Expect, Is.Not.Empty, name);
    }

    [Test]
    public void BrokenScenarioFile_IsRefusedWithTheReason()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "broken.json");
        File.WriteAllText(path, """{ "name": "broken", "title": "t", "titleEn": "t", "description": "d", "minutes": 10, "effects": [ { "from": 5, "to": 1, "kind": "rain", "values": { "rainMm": { "start": 1, "end": 1 } } } ], "expect": [] }""");
        var error = Assert.Throws<InvalidDataException>(() => Scenario.Load(path))!;
        Assert.That(error.Message, Does.Contain("'to' must come after 'from'").And.Contain("expect"));
    }

    [Test]
    public void CityStart_WeeklyMoment_IsTheLatestOneInCityTime()
    {
        var tuesdayAfternoon = new DateTimeOffset(2026, 12, 1, 15, 44, 0, TimeSpan.FromHours(7));

        Assert.That(ScenarioClock.CityStart("saturday 20:00", tuesdayAfternoon), Is.EqualTo(new DateTimeOffset(2026, 11, 28, 20, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(ScenarioClock.CityStart("tuesday 15:00", tuesdayAfternoon), Is.EqualTo(new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(ScenarioClock.CityStart("tuesday 16:00", tuesdayAfternoon), Is.EqualTo(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(ScenarioClock.CityStart("2027-02-05T21:00:00+07:00", tuesdayAfternoon), Is.EqualTo(new DateTimeOffset(2027, 2, 5, 21, 0, 0, TimeSpan.FromHours(7))));
        Assert.That(ScenarioClock.CityStart(null, tuesdayAfternoon), Is.EqualTo(tuesdayAfternoon));
        Assert.That(ScenarioClock.IsValid("2027-02-05T21:00:00"), Is.False, "a moment without its offset is ambiguous");
        Assert.That(ScenarioClock.IsValid("someday 20:00"), Is.False);
    }

    [Test]
    public void WhileOpenExpectation_FollowsTheCentresClock()
    {
        var streets = Scenario.Load("walking-street-storm").Expect;
        var catalog = Domain.Catalog.CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")).WalkingStreets;
        var conditional = streets.Single(e => e.RuleId == "cross.rain-walking-street");
        var hanoi = TimeSpan.FromHours(7);

        Assert.That(conditional.IsExpectedAt(catalog, new DateTimeOffset(2026, 11, 28, 21, 0, 0, hanoi)), Is.True, "Saturday night: the walking space is open");
        Assert.That(conditional.IsExpectedAt(catalog, new DateTimeOffset(2026, 12, 1, 21, 0, 0, hanoi)), Is.False, "Tuesday night: closed");
        Assert.That(streets.Single(e => e.RuleId == "rain.heavy").IsExpectedAt(catalog, new DateTimeOffset(2026, 12, 1, 21, 0, 0, hanoi)), Is.True);
        Assert.That((conditional with { WhileOpen = "ws-nowhere" }).IsExpectedAt(catalog, new DateTimeOffset(2026, 12, 1, 21, 0, 0, hanoi)), Is.True,
            "an unknown street is waited for, so the check fails and names it missing");
    }

    [Test]
    public void Overlay_SettingPresent_KeepsEntriesWholeAndCoveringTheRise()
    {
        var counter = new CatalogSensor("vc-test", "visitor-counter", "hoan-kiem", null, 60, ["entries", "present"], null, false) { Capacity = 1000 };
        var scenario = new Scenario("crowd", "t", "t", "d", 10,
            [new ScenarioEffect(2, 10, Sensors: ["vc-test"], Values: new Dictionary<string, Ramp> { ["present"] = new(300, 1333.3) })],
            [new ExpectedAlert("tourism.overcrowded", "hoan-kiem", 10)]);
        var overlay = new ScenarioOverlay(scenario);
        var sent = new List<Dictionary<string, double>>();

        for (var minute = 0; minute <= 10; minute++)
        {
            var normal = new Reading("vc-test", DateTimeOffset.UtcNow, new() { ["present"] = 300, ["entries"] = 4 });
            sent.Add(overlay.Apply(counter, normal, minute).Values);
        }

        Assert.That(sent.SelectMany(v => v.Values), Has.All.Matches<double>(v => Math.Floor(v) == v), "whole people");
        Assert.That(sent[^1]["present"], Is.EqualTo(1333));
        foreach (var (before, after) in sent.Zip(sent.Skip(1)))
            Assert.That(after["entries"], Is.GreaterThanOrEqualTo(after["present"] - before["present"]).And.GreaterThanOrEqualTo(4));
    }

    [TestCaseSource(nameof(Shipped))]
    public async Task Scenario_TimeCompressed_RaisesTheAlertsItsFileNames(string name)
    {
        using var data = new TempDirectory();
        var scenario = Scenario.Load(name);
        var now = DateTimeOffset.UtcNow;
        var cityStart = ScenarioClock.CityStart(scenario.CityStart, now);
        // Only a past moment: a centre whose clock ran ahead of the readings' real stamps would find them all old.
        var clock = cityStart < now - TimeSpan.FromMinutes(1) ? new CityClock(new OffsetTimeProvider(cityStart - now)) : null;
        await using var host = CityHost.OnSqlite(data.Path).WithServices(s => { if (clock is not null) s.AddSingleton(clock); }).WithKestrel();
        await host.WaitUntilReady();
        await ShortenRealTimeDurations(host);

        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(["scenario", name, "--url", host.ServerAddress.ToString(), "--speed", SpeedOf(name), "--check", "--seed", "3"],
            output, CancellationToken.None);
        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("rejected 0").And.Not.Contain("MISSING").And.Not.Contain("not expected"));

        // Checked again here, through the REST API, not by trusting the simulator's own check.
        using var client = host.CreateClient();
        var centreNow = (clock ?? new CityClock(TimeProvider.System)).Now;
        var streets = host.Services.GetRequiredService<CityCatalog>().WalkingStreets;
        Assert.That(scenario.Expect.Where(e => e.WhileOpen is not null), Has.All.Matches<ExpectedAlert>(e => e!.IsExpectedAt(streets, centreNow)),
            "the centre's clock reads the scenario's night, so its walking-street alerts are expected too");
        foreach (var expected in scenario.Expect)
        {
            var alerts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts?zoneId={expected.ZoneId}&limit=1000");
            Assert.That(alerts.EnumerateArray().Any(a => a.GetProperty("ruleId").GetString() == expected.RuleId
                && (expected.Severity is null || a.GetProperty("severity").GetString() == expected.Severity)), $"{expected.RuleId} in {expected.ZoneId}");
        }

        if (name == "zone-outage") await AssertOutageInhibits(client);
        // The lot takes its closure at its next flush, a moment after the alert is in the book.
        if (name == "monsoon-storm")
            await Eventually.Until(() => host.Entity("p-ltk-01"), s => s.Derived["available"]?.ToString() == "False", "the lot beside the flooded street to close");
    }

    /// <summary>
    /// The outage is one notified alert; the sensors' own alerts (raised once they have been silent for the
    /// outage window) are recorded but inhibited by it.
    /// </summary>
    private static async Task AssertOutageInhibits(HttpClient client)
    {
        var alerts = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?zoneId=hoan-kiem&status=open&limit=1000"),
            a => a.EnumerateArray().Count(x => x.GetProperty("ruleId").GetString() == "health.sensor-silent") > 100,
            "the silent sensors' own alerts, after the outage window", TimeSpan.FromSeconds(120));
        var outage = alerts.EnumerateArray().Single(a => a.GetProperty("ruleId").GetString() == "cross.zone-outage");
        var silent = alerts.EnumerateArray().Where(a => a.GetProperty("ruleId").GetString() == "health.sensor-silent").ToList();
        Assert.That(silent, Has.Count.GreaterThan(100));
        Assert.That(silent.Count(a => a.TryGetProperty("suppressed", out var s) && s.GetProperty("id").GetString() == outage.GetProperty("id").GetString()),
            Is.GreaterThan(silent.Count * 9 / 10), "nearly all (a sensor that fell silent outside the outage's minute is its own alert)");
    }

    private static async Task ShortenRealTimeDurations(CityHost host)
    {
        using var admin = await host.SignedIn("admin");
        var document = (await admin.GetFromJsonAsync<JsonObject>("/api/v1/thresholds"))!;
        var packs = document["packs"]!;
        packs["traffic"]!["jamMinutesBeforeAlert"] = 0;
        packs["alerting"]!["lotFullMinutes"] = 0;
        packs["health"]!["staleAfterIntervals"] = 1;
        packs["tourism"]!["crowdedMinutesBeforeAlert"] = 0;
        using var response = await admin.PutAsJsonAsync("/api/v1/thresholds", new JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = packs.DeepClone() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
