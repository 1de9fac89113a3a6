using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Simulator;
using ControlCenter.Simulator.Scenarios;

namespace ControlCenter.Host.Tests;

/// <summary>
/// Each shipped scenario, time-compressed against its own real host, raises the alerts its file names. Two
/// real-time durations are shortened for CI by an admin's threshold change (as an operator could): a jam and
/// a full lot alert at once instead of after 5 minutes, and a sensor is stale after one missed interval.
/// </summary>
[Parallelizable(ParallelScope.Children)]
public class ScenarioTests
{
    private const string Speed = "20";

    public static IEnumerable<string> Shipped => Scenario.Names;

    [Test]
    public void ShippedScenarios_AreTheFiveTheIssueNames_AndLoad()
    {
        Assert.That(Shipped, Is.EquivalentTo(new[] { "monsoon-storm", "rush-hour", "winter-smog", "west-lake-oxygen-crash", "zone-outage" }));
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

    [TestCaseSource(nameof(Shipped))]
    public async Task Scenario_TimeCompressed_RaisesTheAlertsItsFileNames(string name)
    {
        using var data = new TempDirectory();
        await using var host = CityHost.OnSqlite(data.Path).WithKestrel();
        await host.WaitUntilReady();
        await ShortenRealTimeDurations(host);

        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(["scenario", name, "--url", host.ServerAddress.ToString(), "--speed", Speed, "--check", "--seed", "3"],
            output, CancellationToken.None);
        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("rejected 0").And.Not.Contain("MISSING"));

        // Checked again here, through the REST API, not by trusting the simulator's own check.
        using var client = host.CreateClient();
        foreach (var expected in Scenario.Load(name).Expect)
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
        using var response = await admin.PutAsJsonAsync("/api/v1/thresholds", new JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = packs.DeepClone() });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }
}
