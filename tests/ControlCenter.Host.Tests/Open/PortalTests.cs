using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The citizens' portal (/cong-thong-tin) in Debian's Chromium against a real host: every domain, old figures
/// with their age, a public warning that comes and goes, crowding at tourist points, both languages, a phone and a
/// desktop screen.
/// </summary>
public class PortalTests : SqliteHostFixture
{
    private const string Portal = "/cong-thong-tin";

    /// <summary>A published warning shows within one poll (5 s) and a little time for the picture to move.</summary>
    private static readonly LocatorAssertionsToContainTextOptions WithinSeconds = new() { Timeout = 12_000 };

    protected override bool WithKestrel => true;

    private Browser _browser = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [OneTimeSetUp]
    public async Task SeedTheCityAndLaunchTheBrowser()
    {
        var now = Now;
        // Three hours of dust at one station (VN_AQI's NowCast needs two of the last three hours), the lake's
        // oxygen over the same hours, rain, a street flooded past the level where it closes, and a rain gauge
        // that reported 40 minutes ago and then fell silent.
        await Ingest(
            Json.Reading("aq-hang-dau", now.AddHours(-2), new { pm25 = 60.0, pm10 = 90.0 }),
            Json.Reading("aq-hang-dau", now.AddHours(-1), new { pm25 = 60.0, pm10 = 90.0 }),
            Json.Reading("aq-hang-dau", now, new { pm25 = 60.0, pm10 = 90.0 }),
            Json.Reading("wq-ho-tay-tran-quoc", now.AddHours(-2), new { @do = 6.8 }),
            Json.Reading("wq-ho-tay-tran-quoc", now.AddHours(-1), new { @do = 6.1 }),
            Json.Reading("wq-ho-tay-tran-quoc", now, new { @do = 5.5, bod5 = 3.0, cod = 18.0 }),
            Json.Reading("rg-hoan-kiem", now, new { rainMm = 6.0 }),
            Json.Reading("fl-phan-boi-chau", now, new { depthCm = 27.0 }),
            Json.Reading("rg-long-bien", now.AddMinutes(-40), new { rainMm = 0.0 }),
            Json.Reading("vc-chua-tran-quoc", now, new { entries = 130.0, present = 900.0 }),
            Json.Reading("vc-van-mieu", now, new { entries = 60.0, present = 600.0 }));
        // The charts read the hourly history once: wait until the readings log has the hours.
        using var reader = Host.CreateClient();
        var from = Uri.EscapeDataString(now.AddHours(-3).ToString("O"));
        await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>($"/api/v1/history/aq-hang-dau?metric=pm25&from={from}&step=1h"),
            h => h.GetProperty("points").GetArrayLength() == 3, "the three hours of PM2.5 in the history store");
        await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>($"/api/v1/history/wq-ho-tay-tran-quoc?metric=do&from={from}&step=1h"),
            h => h.GetProperty("points").GetArrayLength() == 3, "the three hours of dissolved oxygen in the history store");
        _browser = await Browser.Launch();
    }

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("rejected").GetArrayLength(), Is.Zero, body.ToString());
    }

    /// <summary>
    /// A fresh context (its own storage: Vietnamese by default) at that size, on the portal. Collects script and
    /// policy errors, and completes <c>Revalidated</c> when the page asks for the summary with If-None-Match.
    /// </summary>
    private async Task<(IPage Page, List<string> Errors, Task Revalidated)> Open(int width, int height)
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Host.ServerAddress.ToString(),
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);
        var revalidated = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.Request += async (_, request) =>
        {
            if (new Uri(request.Url).AbsolutePath == "/open/v1/summary" && (await request.AllHeadersAsync()).ContainsKey("if-none-match"))
                revalidated.TrySetResult();
        };
        await page.GotoAsync(Portal);
        await Assertions.Expect(page.Locator("[data-testid=air-station]")).ToHaveCountAsync(10);
        return (page, errors, revalidated.Task);
    }

    [TestCase(390, 844)]
    [TestCase(1920, 1080)]
    public async Task Portal_ShowsEveryDomain_OldFiguresWithTheirAge_InBothLanguages(int width, int height)
    {
        var (page, errors, revalidated) = await Open(width, height);

        var station = page.Locator("[data-testid=air-station][data-station-id='aq-hang-dau']");
        await Assertions.Expect(station.Locator("[data-testid=aqi]")).ToHaveTextAsync(new Regex(@"^\d+$"));
        await Assertions.Expect(station.Locator("[data-testid=category]")).ToHaveTextAsync("Kém");
        await Assertions.Expect(station.Locator("[data-testid=advice]")).ToContainTextAsync("Nhóm nhạy cảm");
        await Assertions.Expect(station.Locator("[data-testid=advice]")).ToContainTextAsync("giảm hoạt động mạnh");
        await Assertions.Expect(station).ToHaveAttributeAsync("data-stale", "false");
        await Assertions.Expect(page.Locator("#air-map .pin[data-station-id='aq-hang-dau']")).ToHaveTextAsync(new Regex(@"^\d+$"));
        // Its 24 h chart, drawn when opened: one bar per hour with an AQI.
        await station.Locator(".chart-toggle").ClickAsync();
        await Assertions.Expect(station.Locator(".chart-toggle")).ToHaveAttributeAsync("aria-expanded", "true");
        await Assertions.Expect(station.Locator("[data-testid=air-chart] rect.bar").First).ToBeVisibleAsync();

        var lake = page.Locator("[data-testid=water-station][data-station-id='wq-ho-tay-tran-quoc']");
        await Assertions.Expect(page.Locator("[data-testid=water-station]")).ToHaveCountAsync(4);
        await Assertions.Expect(lake).ToHaveAttributeAsync("data-class", "beyond-B");
        await Assertions.Expect(lake.Locator("tr[data-metric='do'] .class-badge")).ToHaveAttributeAsync("data-class", "B");
        await Assertions.Expect(lake.Locator("tr[data-metric='bod5'] .class-badge")).ToHaveAttributeAsync("data-class", "A");
        await Assertions.Expect(lake.Locator("[data-testid=do-chart] circle.dot")).ToHaveCountAsync(3);

        await Assertions.Expect(page.Locator("[data-testid=rain-gauge]")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("[data-testid=rain-gauge][data-station-id='rg-hoan-kiem'] [data-testid=rain-1h]")).ToHaveTextAsync("6 mm");

        var flooded = page.Locator("[data-testid=flood-point][data-station-id='fl-phan-boi-chau']");
        await Assertions.Expect(flooded).ToHaveAttributeAsync("data-closed", "true");
        await Assertions.Expect(flooded.Locator("[data-testid=depth]")).ToHaveTextAsync("27 cm");
        await Assertions.Expect(flooded.Locator("[data-testid=closed]")).ToHaveTextAsync("Cấm lưu thông");
        await Assertions.Expect(flooded).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#flood-map .pin[data-station-id='fl-phan-boi-chau']")).ToHaveTextAsync("27");
        await Assertions.Expect(page.Locator("[data-testid=parking-lot]")).ToHaveCountAsync(17);

        // The gauge that went quiet 40 minutes ago: greyed, with its age, never as current.
        var quiet = page.Locator("[data-testid=rain-gauge][data-station-id='rg-long-bien']");
        await Assertions.Expect(quiet).ToHaveAttributeAsync("data-stale", "true");
        await Assertions.Expect(quiet).ToContainTextAsync(new Regex(@"cập nhật \d+ phút trước"));
        await Assertions.Expect(quiet).ToHaveCSSAsync("background-color", "rgb(233, 236, 239)");

        var scrollWidth = await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth");
        Assert.That(scrollWidth, Is.LessThanOrEqualTo(width), "no horizontal scrolling");
        if (width >= 1024)
        {
            var air = await page.Locator("#air").BoundingBoxAsync();
            var water = await page.Locator("#water").BoundingBoxAsync();
            Assert.That(water!.X, Is.GreaterThan(air!.X + air.Width - 1), "the lake beside the air, not under it");
        }

        // One tap to English, remembered on the next visit.
        await page.ClickAsync("#lang-en");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("#lang-en")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(station.Locator("[data-testid=category]")).ToHaveTextAsync("Poor");
        await Assertions.Expect(station.Locator("[data-testid=advice]")).ToContainTextAsync("Sensitive groups");
        await Assertions.Expect(flooded.Locator("[data-testid=closed]")).ToHaveTextAsync("Closed to traffic");
        await Assertions.Expect(quiet).ToContainTextAsync(new Regex(@"updated \d+ min ago"));
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("#air-heading")).ToHaveTextAsync("Air quality");
        Assert.That(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth"), Is.LessThanOrEqualTo(width));

        // The page polls every 5 s with If-None-Match (the browser's revalidation): unchanged answers are 304s.
        using var reader = Host.CreateClient();
        const string notModifiedSeries = "controlcenter_open_requests_total{outcome=\"not-modified\"}";
        var notModifiedBefore = await WebhookApi.Metric(reader, notModifiedSeries);
        await revalidated.WaitAsync(TimeSpan.FromSeconds(15));
        await Eventually.Until(() => WebhookApi.Metric(reader, notModifiedSeries), n => n > notModifiedBefore, "a 304 to the page's poll");
        Assert.That(errors, Is.Empty, "no script errors and nothing refused by the content security policy");
        await page.Context.CloseAsync();
    }

    [TestCase(390, 844)]
    [TestCase(1920, 1080)]
    public async Task Warning_PublishedByAnOperator_AppearsWithinSeconds_AndGoesWhenWithdrawn(int width, int height)
    {
        var (page, errors, _) = await Open(width, height);
        await Assertions.Expect(page.Locator("#data-time")).ToHaveAttributeAsync("data-state", "live");
        using var op = await Host.SignedIn("operator");
        using var raised = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Ngập sâu phố Phan Bội Châu", severity = "major", zoneId = "hoan-kiem" });
        Assert.That(raised.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();

        using (var published = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new
        {
            title = "Ngập sâu phố Phan Bội Châu", titleEn = "Deep water on Phan Boi Chau Street",
            text = "Nước sâu 27 cm, xe máy không qua được. <b>Đi đường khác.</b>", textEn = "27 cm of water: motorbikes cannot pass. <b>Take another way.</b>",
        })) published.EnsureSuccessStatusCode();

        var warning = page.Locator($"[data-testid=warning][data-warning-id='{id}']");
        await Assertions.Expect(warning).ToContainTextAsync("Ngập sâu phố Phan Bội Châu", WithinSeconds);
        await Assertions.Expect(warning).ToHaveAttributeAsync("data-severity", "major");
        // The operator's words are text, never markup.
        await Assertions.Expect(warning).ToContainTextAsync("<b>Đi đường khác.</b>");
        await Assertions.Expect(warning).ToContainTextAsync("Hoàn Kiếm");
        await Assertions.Expect(page.Locator("#warnings-live")).ToHaveAttributeAsync("aria-live", "polite");
        Assert.That(await warning.BoundingBoxAsync() is { Y: < 844 }, Is.True, "the warning is at the top, on the first screen");

        await page.ClickAsync("#lang-en");
        await Assertions.Expect(warning).ToContainTextAsync("Deep water on Phan Boi Chau Street");
        await Assertions.Expect(warning).ToContainTextAsync("<b>Take another way.</b>");

        using (var withdrawn = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning/withdraw", new { note = "nước đã rút" }))
            withdrawn.EnsureSuccessStatusCode();
        await Assertions.Expect(warning).ToHaveCountAsync(0, new() { Timeout = WithinSeconds.Timeout });
        await Assertions.Expect(page.Locator("#warnings")).ToBeHiddenAsync();
        Assert.That(errors, Is.Empty);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Tourism_AnOvercrowdedPoint_ShowsInBothLanguages_OnAPhone_WithoutSideways()
    {
        var (page, errors, _) = await Open(390, 844);
        // The pagoda holds 800: 900 people are 112 %, shown as 110 %.
        var pagoda = page.Locator("[data-testid=tourist-point][data-station-id='vc-chua-tran-quoc']");
        await Assertions.Expect(pagoda).ToHaveAttributeAsync("data-crowding", "overcrowded");
        await Assertions.Expect(pagoda.Locator("[data-testid=crowding]")).ToHaveTextAsync("Quá tải");
        await Assertions.Expect(pagoda.Locator("[data-testid=crowding]")).ToHaveCSSAsync("background-color", "rgb(176, 0, 32)");
        await Assertions.Expect(pagoda.Locator("[data-testid=crowd-advice]")).ToHaveTextAsync("Nên chọn thời điểm khác");
        await Assertions.Expect(pagoda).ToContainTextAsync("110% sức chứa");
        await Assertions.Expect(pagoda.Locator(".row-name")).ToHaveTextAsync("Chùa Trấn Quốc");
        await Assertions.Expect(page.Locator("[data-testid=tourist-point]").First).ToHaveAttributeAsync("data-station-id", "vc-chua-tran-quoc");
        var temple = page.Locator("[data-testid=tourist-point][data-station-id='vc-van-mieu']");
        await Assertions.Expect(temple.Locator("[data-testid=crowding]")).ToHaveTextAsync("Thoáng");
        await Assertions.Expect(temple.Locator("[data-testid=crowd-advice]")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("[data-testid=tourist-point]")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator("#tourism-map .pin[data-station-id='vc-chua-tran-quoc']")).ToHaveTextAsync("110%");
        var lake = page.Locator("[data-testid=walking-street][data-street-id='ws-ho-guom'] [data-testid=walking-state]");
        // Playwright matches in the browser, where \w is ASCII only.
        await Assertions.Expect(lake).ToHaveTextAsync(new Regex(@"^Không gian đi bộ hồ Hoàn Kiếm: (đang mở đến|đang đóng, mở lúc) \d\d:\d\d (hôm nay|Thứ \S+|Chủ nhật)$"));
        // The wording at the boundaries the city announces, whatever today is (a Monday 00:00 closing is Sunday 24:00).
        Assert.That(await WalkingStatus(page, true, "2030-01-07T00:00:00+07:00"), Is.EqualTo("Không gian đi bộ hồ Hoàn Kiếm: đang mở đến 24:00 Chủ nhật"));
        Assert.That(await WalkingStatus(page, false, "2030-01-11T19:00:00+07:00"), Is.EqualTo("Không gian đi bộ hồ Hoàn Kiếm: đang đóng, mở lúc 19:00 Thứ Sáu"));
        await pagoda.ScrollIntoViewIfNeededAsync();
        var box = await pagoda.BoundingBoxAsync();
        Assert.That(box!.X + box.Width, Is.LessThanOrEqualTo(390), "the point's row fits the phone");
        Assert.That(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth"), Is.LessThanOrEqualTo(390), "no horizontal scrolling");

        await page.ClickAsync("#lang-en");
        await Assertions.Expect(page.Locator("#tourism-heading")).ToHaveTextAsync("Tourist points");
        await Assertions.Expect(pagoda.Locator("[data-testid=crowding]")).ToHaveTextAsync("Overcrowded");
        await Assertions.Expect(pagoda.Locator("[data-testid=crowd-advice]")).ToHaveTextAsync("Consider another time");
        await Assertions.Expect(pagoda).ToContainTextAsync("110% of capacity");
        await Assertions.Expect(temple.Locator("[data-testid=crowding]")).ToHaveTextAsync("Comfortable");
        await Assertions.Expect(lake).ToHaveTextAsync(new Regex(@"^Hoan Kiem Lake walking space: (open until|closed, opens) (today|\w+day) \d\d:\d\d$"));
        Assert.That(await WalkingStatus(page, true, "2030-01-07T00:00:00+07:00"), Is.EqualTo("Hoan Kiem Lake walking space: open until Sunday 24:00"));
        Assert.That(await WalkingStatus(page, false, "2030-01-11T19:00:00+07:00"), Is.EqualTo("Hoan Kiem Lake walking space: closed, opens Friday 19:00"));
        Assert.That(await page.EvaluateAsync<int>("() => document.scrollingElement.scrollWidth"), Is.LessThanOrEqualTo(390), "no horizontal scrolling in English");
        Assert.That(errors, Is.Empty, "no script errors and nothing refused by the content security policy");
        await page.Context.CloseAsync();
    }

    /// <summary>The page's own wording of a walking street's state (the module the page already loaded, so its language).</summary>
    private static Task<string> WalkingStatus(IPage page, bool openNow, string nextChange) =>
        page.EvaluateAsync<string>(
            "async ([openNow, nextChange]) => (await import('/portal/walking.js')).walkingStatus({ name: 'Không gian đi bộ hồ Hoàn Kiếm', nameEn: 'Hoan Kiem Lake walking space', openNow, nextChange })",
            new object[] { openNow, nextChange });

    [Test]
    public async Task Page_IsServedToAnyone_Cached_WithAStrictContentPolicy_AndTheLoginPageLinksToIt()
    {
        using var anonymous = Host.Anonymous();
        using var page = await anonymous.GetAsync(Portal);
        Assert.That(page.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(page.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.That(policy, Does.Contain("script-src 'self'").And.Not.Contain("unsafe"));
        var html = await page.Content.ReadAsStringAsync();
        Assert.That(Regex.IsMatch(html, @"<script(?![^>]*\bsrc=)"), Is.False, "no inline script");
        Assert.That(Regex.IsMatch(html, @"\son[a-z]+\s*=", RegexOptions.IgnoreCase), Is.False, "no inline event handler");

        using var again = new HttpRequestMessage(HttpMethod.Get, Portal);
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        using (var notModified = await anonymous.SendAsync(again)) Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        using (var slash = await anonymous.GetAsync(Portal + "/")) Assert.That(slash.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        foreach (var file in new[] { "/portal/portal.css", "/lib/leaflet/leaflet.js", "/wall/hanoi-centre.geojson" })
        {
            using var response = await anonymous.GetAsync(file);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), file);
        }

        var login = WebUtility.HtmlDecode(await anonymous.GetStringAsync("/login"));
        // One link to the portal, outside Blazor's enhanced navigation; whatever else the tag carries (scoped-style marks).
        Assert.That(login, Does.Match($@"<a (?=[^>]*\bid=""portal-link"")(?=[^>]*\bdata-enhance-nav=""false"")(?=[^>]*\bhref=""{Portal}"")[^>]*>Cổng thông tin cho người dân</a>"));
    }

    /// <summary>
    /// Every module the page imports, followed from its entry: one missing or not served as JavaScript and the
    /// browser runs none of them, leaving the page on "loading".
    /// </summary>
    [Test]
    public async Task Modules_EveryImportFromTheEntry_IsServedAsJavaScript()
    {
        using var anonymous = Host.Anonymous();
        var queue = new Queue<string>(["/portal/portal.js"]);
        var seen = new HashSet<string>(queue);
        while (queue.TryDequeue(out var module))
        {
            using var response = await anonymous.GetAsync(module);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), module);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"), module);
            var source = await response.Content.ReadAsStringAsync();
            foreach (Match import in Regex.Matches(source, @"^import .+ from '\./([\w-]+\.js)';$", RegexOptions.Multiline))
            {
                var path = $"/portal/{import.Groups[1].Value}";
                if (seen.Add(path)) queue.Enqueue(path);
            }
        }

        Assert.That(seen, Does.Contain("/portal/feed.js").And.Contain("/portal/i18n.js"), "the imports were followed to the words");
    }
}
