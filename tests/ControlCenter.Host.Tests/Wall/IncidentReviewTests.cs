using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// Incident review in a real browser: a storm replayed two hours in the past (the city clock stands then while its
/// readings arrive, so the rules raise the flood alert then), the wall taken back to that moment and a quarter hour
/// before it, then live again; the alert's page and its incident report hold the evidence readings.
/// </summary>
public class IncidentReviewTests : SqliteHostFixture
{
    private const string Street = "fl-tran-hung-dao";

    /// <summary>A whole minute two hours ago: the storm's peak, when the city clock stands while the storm comes in.</summary>
    private static readonly DateTimeOffset Peak = WholeMinute(DateTimeOffset.UtcNow.AddHours(-2));

    private readonly FakeTimeProvider _clock = new(Peak);
    private Browser _browser = null!;
    private string _alertId = null!;

    protected override bool WithKestrel => true;

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    private static string Local(DateTimeOffset at, string format) => CityTime.Local(at).ToString(format, CultureInfo.InvariantCulture);

    private static DateTimeOffset WholeMinute(DateTimeOffset at) => new(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, at.Offset);

    /// <summary>Half an hour of water rising a centimetre a minute to 45 cm at the peak (the street floods at 20, dangerously at 40).</summary>
    private static double DepthAt(int minutesBeforePeak) => 45 - minutesBeforePeak;

    [OneTimeSetUp]
    public async Task ReplayTheStorm_ThenGoOnLive()
    {
        _browser = await Browser.Launch();
        await Ingest([.. Enumerable.Range(0, 31).Select(k => Json.Reading(Street, Peak.AddMinutes(-k), new { depthCm = DepthAt(k) }))]);
        using var reader = Host.CreateClient();
        var alerts = await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=open"),
            a => a.EnumerateArray().Any(IsTheFlood), "the flood alert raised by the replayed storm");
        _alertId = alerts.EnumerateArray().First(IsTheFlood).GetProperty("id").GetString()!;

        // Two hours on, the water has gone down: live is now 8 cm.
        _clock.SetUtcNow(DateTimeOffset.UtcNow);
        await Ingest(Json.Reading(Street, DateTimeOffset.UtcNow, new { depthCm = 8 }));
    }

    private static bool IsTheFlood(JsonElement alert) =>
        alert.GetProperty("ruleId").GetString() == "flood.depth" && alert.GetProperty("scope").GetString() == Street;

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [Test]
    public async Task TimeTravel_ToTheStorm_ShowsThatMomentsAlertAndDepths_ThenBackToLive()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        var marker = page.Locator($"#wall-map [data-entity='{Street}']");
        var alert = page.Locator($"#alert-queue .cc-alert[data-alert-id='{_alertId}']");
        var flooded = page.Locator("[data-tile='flooded-points'] .cc-tile-value");
        await Assertions.Expect(marker).ToHaveTextAsync("8");
        await Assertions.Expect(flooded).ToHaveTextAsync("0");

        await page.ClickAsync("#review-open");
        await page.FillAsync("#review-at", Local(Peak, "yyyy-MM-dd'T'HH:mm"));
        var banner = page.Locator("#review-banner");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-at", Peak.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await Assertions.Expect(banner).ToContainTextAsync($"Đang xem lại: {Local(Peak, "HH:mm:ss dd/MM/yyyy")} — không phải trực tiếp");
        await Assertions.Expect(page.Locator("#clock")).ToHaveAttributeAsync("data-review", "true");
        await Assertions.Expect(marker).ToHaveTextAsync("45");
        await Assertions.Expect(flooded).ToHaveTextAsync("1");
        await Assertions.Expect(alert).ToHaveCountAsync(1);
        await Assertions.Expect(alert).ToHaveAttributeAsync("data-status", "open");
        // Opened in review, the alert as it was then rings its evidence on the map.
        await alert.ClickAsync();
        await Assertions.Expect(marker).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bcc-evidence\b"));

        // A quarter of an hour before the peak the water stood at 30 cm and no alert had been raised yet.
        await page.ClickAsync("#review-banner [data-step='-15']");
        await Assertions.Expect(banner).ToHaveAttributeAsync("data-at", Peak.AddMinutes(-15).UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await Assertions.Expect(marker).ToHaveTextAsync(DepthAt(15).ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(alert).ToHaveCountAsync(0);

        await page.ClickAsync("#review-live");
        await Assertions.Expect(banner).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#clock")).ToHaveAttributeAsync("data-review", "false");
        await Assertions.Expect(marker).ToHaveTextAsync("8");
        await Assertions.Expect(flooded).ToHaveTextAsync("0");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Review_OfAnHourTheLakesWalkingSpaceWasTheOtherWay_DrawsItAsItWasThen()
    {
        var lakeSpace = Host.Services.GetRequiredService<CityCatalog>().WalkingStreets.Single(w => w.Id == "ws-ho-guom");
        var now = _clock.GetUtcNow();
        var openNow = WalkingHours.IsOpen(lakeSpace, now);
        // Within the past week (its hours repeat weekly) there is an hour when it was the other way.
        var then = Enumerable.Range(1, 7 * 24).Select(h => WholeMinute(now).AddHours(-h)).First(at => WalkingHours.IsOpen(lakeSpace, at) != openNow);
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        var line = page.Locator("#wall-map path.cc-walking[data-walking-street='ws-ho-guom']");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-open", openNow ? "true" : "false");

        await page.ClickAsync("#review-open");
        await page.FillAsync("#review-at", Local(then, "yyyy-MM-dd'T'HH:mm"));
        await Assertions.Expect(page.Locator("#review-banner")).ToHaveAttributeAsync("data-at", then.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await Assertions.Expect(line).ToHaveAttributeAsync("data-open", openNow ? "false" : "true");

        await page.ClickAsync("#review-live");
        await Assertions.Expect(line).ToHaveAttributeAsync("data-open", openNow ? "true" : "false");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task AlertPage_ChartsTheEvidence_ListsTheTimeline_AndTheReportHoldsTheReadings()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await page.GotoAsync($"/alerts/{_alertId}");
        await Assertions.Expect(page.Locator("#alert-timeline tr[data-action='raised']")).ToHaveCountAsync(1);
        var chart = page.Locator($".alert-chart[data-sensor='{Street}']");
        await Assertions.Expect(chart).ToHaveAttributeAsync("data-readings", "32");
        await Assertions.Expect(chart.Locator("path.mud-chart-line")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#report-html")).ToHaveAttributeAsync("href", $"/api/v1/alerts/{_alertId}/report");
        await Assertions.Expect(page.Locator("#report-csv")).ToHaveAttributeAsync("href", $"/api/v1/alerts/{_alertId}/report.csv");
        await page.Context.CloseAsync();

        using var viewer = await Host.SignedIn("viewer");
        var html = await viewer.GetStringAsync($"/api/v1/alerts/{_alertId}/report");
        Assert.That(html, Does.Contain("Cảm biến ngập Trần Hưng Đạo (đoạn Ga Hà Nội)").And.Contain("@media print"));
        Assert.That(html, Does.Contain($"<td>{Local(Peak, "HH:mm:ss dd/MM/yyyy")} (UTC+7)</td><td class=\"num\">45</td>"), "the peak reading in the report's table");

        using var csv = await viewer.GetAsync($"/api/v1/alerts/{_alertId}/report.csv");
        Assert.That(csv.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/csv"));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("alertId,sensorId,sensor,metric,unit,time,value"));
        Assert.That(lines, Has.Length.EqualTo(33), "the header, the storm's 31 readings and the live one");
        Assert.That(lines, Does.Contain($"{_alertId},{Street},Cảm biến ngập Trần Hưng Đạo (đoạn Ga Hà Nội),depthCm,cm,{Local(Peak, "yyyy-MM-dd'T'HH:mm:sszzz")},45"));

        using var badHours = await viewer.GetAsync($"/api/v1/alerts/{_alertId}/report?hours=0");
        using var unknown = await viewer.GetAsync("/api/v1/alerts/al-999999/report.csv");
        Assert.That((badHours.StatusCode, unknown.StatusCode), Is.EqualTo((HttpStatusCode.BadRequest, HttpStatusCode.NotFound)));
    }
}
