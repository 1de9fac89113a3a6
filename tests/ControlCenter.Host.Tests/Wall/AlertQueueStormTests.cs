using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Scenarios;
using ControlCenter.Scenarios.Ingest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// The monsoon scenario's first 40 minutes (rain over four districts, their streets flooding) fed straight to a real
/// host, and the wall in Chromium: the queue folds each "Ngập úng"'s children under it, counts incidents and alerts,
/// groups by zone; opening an alert names its sensors with units and rings them on the map.
/// </summary>
public class AlertQueueStormTests : SqliteHostFixture
{
    private const int StormMinutes = 40;
    private static readonly string[] StormZones = ["hoan-kiem", "ba-dinh", "dong-da", "hai-ba-trung"];

    private Browser _browser = null!;

    protected override bool WithKestrel => true;

    [OneTimeSetUp]
    public async Task PlayTheMonsoon()
    {
        _browser = await Browser.Launch();
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch([.. MonsoonReadings(DateTimeOffset.UtcNow)]));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
        await Eventually.Until(OpenAlerts, alerts => StormZones.All(zone => alerts.Any(a => Matches(a, "cross.storm-flooding", zone))),
            "Ngập úng in the four districts", TimeSpan.FromSeconds(60));
    }

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    /// <summary>The scenario's rain and flood effects, as its overlay lays them on each gauge and street every 5 minutes up to now.</summary>
    private IEnumerable<object> MonsoonReadings(DateTimeOffset now)
    {
        var overlay = new ScenarioOverlay(Scenario.Load("monsoon-storm"));
        var sensors = Host.Services.GetRequiredService<CityCatalog>().Sensors
            .Where(s => !s.Retired && s.Kind is SensorKinds.Rain or SensorKinds.Flood)
            .Select(s => new CatalogSensor(s.Id, s.Kind, s.ZoneId, s.ParentId, s.ReportingIntervalSeconds, [.. s.Metrics], s.FreeFlowSpeedKmh, s.Retired)).ToList();
        for (var minute = 0; minute <= StormMinutes; minute += 5)
        {
            var ts = now.AddMinutes(minute - StormMinutes);
            foreach (var sensor in sensors)
            {
                var reading = overlay.Apply(sensor, new Reading(sensor.Id, ts, new()), minute);
                if (reading.Values.Count > 0) yield return Json.Reading(sensor.Id, ts, reading.Values);
            }
        }
    }

    private async Task<List<JsonElement>> OpenAlerts()
    {
        using var reader = Host.CreateClient();
        var alerts = await reader.GetFromJsonAsync<JsonElement>("/api/v1/alerts?limit=1000");
        return [.. alerts.EnumerateArray().Where(a => a.GetProperty("status").GetString() != "resolved")];
    }

    private static bool Matches(JsonElement alert, string rule, string scope) =>
        alert.GetProperty("ruleId").GetString() == rule && alert.GetProperty("scope").GetString() == scope;

    private static ILocator Lead(IPage page, string rule, string scope) =>
        page.Locator($"#alert-queue .cc-incident:has(> .cc-alert[data-rule='{rule}'][data-scope='{scope}'])");

    [Test]
    public async Task Monsoon_ChildrenFoldUnderTheirStormFlooding_CountsIncidents_GroupsByZone()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        var storm = Lead(page, "cross.storm-flooding", "hoan-kiem");
        await Assertions.Expect(storm).ToHaveCountAsync(1);
        await Assertions.Expect(storm).ToHaveAttributeAsync("data-expanded", "false");
        // Its children are in the incident but not on screen: the queue no longer lists them beside it.
        await Assertions.Expect(storm).ToHaveAttributeAsync("data-keys", new Regex(@"(^| )rain\.heavy/rg-hoan-kiem( |$)"));
        await Assertions.Expect(page.Locator("#alert-queue .cc-alert[data-rule='rain.heavy'][data-scope='rg-hoan-kiem']")).ToHaveCountAsync(0);
        await Assertions.Expect(storm.Locator(".cc-fold")).ToContainTextAsync("cảnh báo liên quan");

        await storm.Locator(".cc-fold").ClickAsync();
        var stormAlert = (await OpenAlerts()).Single(a => Matches(a, "cross.storm-flooding", "hoan-kiem"));
        foreach (var child in stormAlert.GetProperty("children").EnumerateArray())
            await Assertions.Expect(storm.Locator($".cc-member[data-alert-id='{child.GetString()}']")).ToBeVisibleAsync();
        await Assertions.Expect(storm.Locator(".cc-member[data-rule='rain.heavy']")).ToContainTextAsync("Trạm đo mưa Hoàn Kiếm");

        // "N sự cố · M cảnh báo": every open alert counted, one incident per row, far fewer rows than alerts.
        var count = page.Locator("#queue-count");
        await Eventually.Until(async () => (Api: (await OpenAlerts()).Count, Shown: await count.GetAttributeAsync("data-alerts")),
            x => x.Shown == x.Api.ToString(System.Globalization.CultureInfo.InvariantCulture), "the queue counting every open alert");
        var incidents = int.Parse((await count.GetAttributeAsync("data-incidents"))!, System.Globalization.CultureInfo.InvariantCulture);
        var alerts = int.Parse((await count.GetAttributeAsync("data-alerts"))!, System.Globalization.CultureInfo.InvariantCulture);
        await Assertions.Expect(count).ToHaveTextAsync($"{incidents} sự cố · {alerts} cảnh báo");
        await Assertions.Expect(page.Locator("#alert-queue .cc-incident")).ToHaveCountAsync(incidents);
        Assert.That(incidents, Is.InRange(StormZones.Length, alerts / 2), "one incident per flooded district, its alerts folded under it");
        // ops/wall-screenshot.sh: the storm's queue, Hoàn Kiếm's incident unfolded, beside the other screenshots.
        if (Environment.GetEnvironmentVariable("CONTROLCENTER_WALL_SCREENSHOT") is { Length: > 0 } wallPng)
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(wallPng, null) + "-storm.png" });

        await page.Locator("#queue-by-zone").CheckAsync();
        foreach (var zone in StormZones)
            await Assertions.Expect(page.Locator($"#alert-queue .cc-zone-group[data-zone='{zone}']")).ToHaveCountAsync(1);
        var hoanKiem = page.Locator("#alert-queue .cc-zone-group[data-zone='hoan-kiem']");
        await Assertions.Expect(hoanKiem.Locator(".cc-zone-head")).ToContainTextAsync("Hoàn Kiếm");
        await Assertions.Expect(hoanKiem.Locator(".cc-incident > .cc-alert[data-rule='cross.storm-flooding']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#alert-queue .cc-zone-group[data-zone='dong-da'] .cc-alert[data-scope='hoan-kiem']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Monsoon_OpeningStormFlooding_NamesSensorsWithUnits_RingsThemOnTheMap_InBothLanguages()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await Lead(page, "cross.storm-flooding", "dong-da").Locator(":scope > .cc-alert").ClickAsync();

        var rain = page.Locator("#alert-panel [data-evidence='rain30MinMm'][data-evidence-entity='rg-dong-da']");
        await Assertions.Expect(rain).ToContainTextAsync("Trạm đo mưa Đống Đa");
        await Assertions.Expect(rain).ToContainTextAsync("Mưa 30 phút");
        await Assertions.Expect(rain.Locator(".cc-num")).ToHaveTextAsync(new Regex(@"^\d+(,\d)? mm$"));
        await Assertions.Expect(page.Locator("#alert-panel [data-evidence='depthCm'] .cc-num").First).ToHaveTextAsync(new Regex(@"^\d+(,\d)? cm$"));
        await Assertions.Expect(page.Locator("#alert-panel")).Not.ToContainTextAsync("rain30MinMm");

        // The map goes to Đống Đa and rings the gauge and the streets the alert cites, nothing else.
        await Assertions.Expect(page.Locator("#wall-map")).ToHaveAttributeAsync("data-focus-zone", "dong-da");
        await Assertions.Expect(page.Locator("#wall-map [data-entity='rg-dong-da']")).ToHaveClassAsync(new Regex(@"\bcc-evidence\b"));
        await Assertions.Expect(page.Locator("#wall-map [data-entity='rg-dong-da']")).ToBeInViewportAsync();
        await Assertions.Expect(page.Locator("#wall-map .cc-evidence[data-entity='rg-tay-ho']")).ToHaveCountAsync(0);

        await page.ClickAsync("#language");
        await page.Locator(".cc-marker").First.WaitForAsync();
        await Lead(page, "cross.storm-flooding", "dong-da").Locator(":scope > .cc-alert").ClickAsync();
        await Assertions.Expect(rain).ToContainTextAsync("Rain gauge Dong Da");
        await Assertions.Expect(rain).ToContainTextAsync("Rain in 30 min");
        await Assertions.Expect(rain.Locator(".cc-num")).ToHaveTextAsync(new Regex(@"^\d+(\.\d)? mm$"));
        await Assertions.Expect(page.Locator("#wall-map .cc-evidence[data-entity='rg-dong-da']")).ToHaveCountAsync(1);

        await page.Locator("#panel-close").ClickAsync();
        await Assertions.Expect(page.Locator("#wall-map .cc-evidence")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
