using ControlCenter.Contracts.Messages;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;
using static ControlCenter.Host.Tests.Egov.EgovFigures;

namespace ControlCenter.Host.Tests.Egov;

/// <summary>
/// A host started as Development starts it, with the 2017 sample: the programme's figures on the API, the alert
/// for the department below target, and the wall's tiles and drill-down in a real browser. The wall test's own
/// import is of November, for a department at target: December's figures and the alerts stay the sample's.
/// </summary>
public class EgovSampleWallTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult(new[] { ("Egov:SampleFile", "Egov/sample-2017.csv") });

    private Browser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => _browser = await Browser.Launch();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    private async Task<JsonElement> SampleSummary()
    {
        using var client = Host.CreateClient();
        return await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>("/api/v1/egov/summary"),
            s => s.TryGetProperty("month", out var m) && m.GetString() == "2017-12", "the sample to be loaded at start");
    }

    [Test]
    public async Task Summary_OfTheSample_Is1856Procedures_And97Point33PercentOnTime()
    {
        var summary = await SampleSummary();
        var city = summary.GetProperty("city");
        Assert.That(city.GetProperty("proceduresInForce").GetInt64(), Is.EqualTo(1856));
        Assert.That(city.GetProperty("onTimePct").GetDouble(), Is.EqualTo(97.33));
        Assert.That(summary.GetProperty("yearToDate").GetProperty("figures").GetProperty("onTimePct").GetDouble(), Is.EqualTo(97.33));
        Assert.That(summary.GetProperty("yearToDate").GetProperty("from").GetString(), Is.EqualTo("2017-01"));
        Assert.That(summary.GetProperty("baselineOnTimePct").GetDouble(), Is.EqualTo(97.33));
        var departments = summary.GetProperty("departments").EnumerateArray().Where(d => d.GetProperty("month").GetString() == "2017-12").ToList();
        Assert.That(departments, Has.Count.EqualTo(17));
        Assert.That(departments.Where(d => d.GetProperty("belowTarget").GetBoolean()).Select(d => d.GetProperty("name").GetString()),
            Is.EqualTo(new[] { "Sở Tài nguyên và Môi trường" }));

        using var client = Host.CreateClient();
        var trend = await client.GetFromJsonAsync<JsonElement>("/api/v1/egov/departments/xay-dung");
        Assert.That(trend.GetProperty("months").GetArrayLength(), Is.EqualTo(12));
        Assert.That(trend.GetProperty("months").EnumerateArray().Where(m => m.GetProperty("belowTarget").GetBoolean()).Select(m => m.GetProperty("month").GetString()),
            Is.EqualTo(new[] { "2017-06" }));
        Assert.That((await client.GetAsync("/api/v1/egov/departments/so-khong-co")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/egov/figures");
        Assert.That(rows!.Count(r => r.GetProperty("importedBy").GetString() == "sample"), Is.EqualTo(204));
    }

    [Test]
    public async Task KpiFeed_CarriesTheLatestMonthsCityFigures_AsTheSummaryHasThem()
    {
        var summary = await SampleSummary();
        var city = summary.GetProperty("city");
        static KpiTile Tile(KpiSnapshot kpi, string id) => kpi.Tiles.Single(t => t.Id == id);
        using var client = Host.CreateClient();
        var kpi = await Eventually.Until(async () => (await client.GetFromJsonAsync<KpiSnapshot>("/api/v1/kpi", Json.Options))!,
            k => Tile(k, "egov-on-time").Value == city.GetProperty("onTimePct").GetDouble(), "the e-government figures in the city's tiles");
        Assert.Multiple(() =>
        {
            Assert.That(Tile(kpi, "egov-on-time").Label, Is.EqualTo(summary.GetProperty("month").GetString()));
            Assert.That(Tile(kpi, "egov-on-time").Peak, Is.EqualTo(97.33), "the programme's baseline rides along");
            Assert.That(Tile(kpi, "egov-overdue").Value, Is.EqualTo(city.GetProperty("overdue").GetInt64()));
            Assert.That(Tile(kpi, "egov-online").Value, Is.EqualTo(city.GetProperty("onlinePct").GetDouble()));
            Assert.That(Tile(kpi, "egov-online").Of, Is.EqualTo(city.GetProperty("proceduresInForce").GetInt64()));
        });

        // Subscribers of the live feed's kpi topic get the same tiles in their snapshot.
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await feed.Subscribe("kpi");
        var tiles = snapshot.GetProperty("kpi").GetProperty("tiles").EnumerateArray().ToList();
        Assert.That(tiles.Single(t => t.GetProperty("id").GetString() == "egov-on-time").GetProperty("value").GetDouble(),
            Is.EqualTo(city.GetProperty("onTimePct").GetDouble()));
    }

    [Test]
    public async Task Sample_RaisesTheOnTimeAlert_ForTheDepartmentBelowTarget()
    {
        await SampleSummary();
        using var client = Host.CreateClient();
        var alerts = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?domain=egov"), a => a!.Length > 0, "the sample's on-time alert");
        Assert.That(alerts!.Select(a => (a.GetProperty("scope").GetString(), a.GetProperty("severity").GetString())),
            Is.EqualTo(new[] { ("tai-nguyen-moi-truong", "minor") }));
    }

    [Test]
    public async Task Wall_ShowsTheSampleTiles_DrillsDownToDepartments_AndFollowsAnImport()
    {
        await SampleSummary();
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        var onTime = page.Locator("[data-egov-tile='on-time']");
        await Assertions.Expect(onTime).ToHaveAttributeAsync("data-value", "97.33");
        await Assertions.Expect(onTime.Locator(".egov-value")).ToHaveTextAsync("97,33 %");
        await Assertions.Expect(page.Locator("[data-egov-tile='online']")).ToHaveAttributeAsync("data-procedures", "1856");
        await Assertions.Expect(page.Locator("[data-egov-tile='online'] .egov-context")).ToContainTextAsync("1.856 thủ tục");

        await onTime.ClickAsync();
        var rows = page.Locator("#egov-drill .egov-department");
        await Assertions.Expect(page.Locator("#egov-drill .egov-department[data-department='quy-hoach-kien-truc']")).ToBeVisibleAsync();
        var before = await rows.CountAsync();
        Assert.That(before, Is.GreaterThanOrEqualTo(17));
        await Assertions.Expect(page.Locator("#egov-drill")).ToContainTextAsync("Sở Quy hoạch – Kiến trúc");
        var below = page.Locator("#egov-drill .egov-department[data-below='true']");
        await Assertions.Expect(below).ToHaveCountAsync(1);
        await Assertions.Expect(below).ToHaveAttributeAsync("data-department", "tai-nguyen-moi-truong");
        await Assertions.Expect(page.Locator("#egov-chart")).ToHaveAttributeAsync("data-department", "tai-nguyen-moi-truong");
        await Assertions.Expect(page.Locator("#egov-chart circle.egov-point")).ToHaveCountAsync(12);
        await Assertions.Expect(page.Locator("#egov-chart circle.egov-point-below")).ToHaveCountAsync(2);

        await page.Locator("#egov-drill .egov-department[data-department='xay-dung']").ClickAsync();
        await Assertions.Expect(page.Locator("#egov-chart")).ToHaveAttributeAsync("data-department", "xay-dung");
        await Assertions.Expect(page.Locator("#egov-trend-title")).ToContainTextAsync("Sở Xây dựng");

        // An import lands: the open drill-down and the tiles follow without a reload.
        using var admin = await Host.SignedIn("admin");
        var department = $"ngoai-vu-{Guid.NewGuid():N}"[..20];
        using var response = await admin.PostAsync("/api/v1/egov/figures", Csv(Line(department, "2017-11", settled: 400, onTime: 390, inForce: 60, name: "Sở Ngoại vụ")));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        await Assertions.Expect(rows).ToHaveCountAsync(before + 1);
        await Assertions.Expect(page.Locator($"#egov-drill .egov-department[data-department='{department}']")).ToContainTextAsync("Sở Ngoại vụ");
        await page.Context.CloseAsync();
    }
}
