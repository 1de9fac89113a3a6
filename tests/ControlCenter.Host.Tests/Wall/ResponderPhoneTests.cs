using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// Responders on their phones (390×844) and the wall around them, in Chromium against a real host: acting on an
/// alert from the phone, the wall following, the shift handover telling it, and the wall's opt-in alarm.
/// </summary>
public class ResponderPhoneTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    private const string PumpNote = "Đã cử đội bơm nước đến Trần Hưng Đạo";

    /// <summary>Records every notification the page creates and every tone it starts (the browser shows neither headless).</summary>
    private const string RecordAlarms = """
        window.__ccNotifications = [];
        window.__ccTones = 0;
        const RealNotification = window.Notification;
        window.Notification = class {
            constructor(title, options) { window.__ccNotifications.push({ title, body: (options && options.body) || '', tag: options && options.tag }); }
            static get permission() { return RealNotification ? RealNotification.permission : 'granted'; }
            static requestPermission() { return RealNotification ? RealNotification.requestPermission() : Promise.resolve('granted'); }
        };
        if (window.AudioContext) {
            const createOscillator = AudioContext.prototype.createOscillator;
            AudioContext.prototype.createOscillator = function () { window.__ccTones++; return createOscillator.call(this); };
        }
        """;

    private Browser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => _browser = await Browser.Launch();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
    }

    /// <summary>A phone in a fresh context, signed in through the login form, standing by Hoàn Kiếm lake with location allowed.</summary>
    private async Task<IPage> Phone(string user)
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, BaseURL = Host.ServerAddress.ToString(),
            Geolocation = new Geolocation { Latitude = 21.0288f, Longitude = 105.8525f }, Permissions = ["geolocation"],
        });
        return await SignIn(await context.NewPageAsync(), user);
    }

    private static async Task<IPage> SignIn(IPage page, string user)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", $"{user}-hanoi");
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        return page;
    }

    [Test]
    public async Task Phone_AcknowledgesAndNotes_TheWallShowsIt_TheHandoverTellsWhoDidWhat()
    {
        var wall = await _browser.SignedIn(Host.ServerAddress, "viewer");
        var phone = await Phone("responder");
        // The wall on a phone offers the responder's layout; on the wall's screen the offer stays out of the way.
        await Assertions.Expect(wall.Locator("#phone-offer")).ToBeHiddenAsync();
        await phone.Locator("#phone-offer").ClickAsync();
        await phone.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/responder");
        await Assertions.Expect(phone.Locator("#connection")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("cc-live-ok"));

        await Ingest(Json.Reading("fl-tran-hung-dao", Now, new { depthCm = 45 }), Json.Reading("fl-nguyen-chi-thanh", Now, new { depthCm = 38 }));
        var onWall = wall.Locator(".cc-alert[data-rule='flood.depth'][data-scope='fl-tran-hung-dao']");
        await onWall.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        var id = await onWall.GetAttributeAsync("data-alert-id");
        var card = phone.Locator($"#responder [data-alert-id='{id}']");

        // Located by Hoàn Kiếm lake, the Trần Hưng Đạo flood (a few hundred metres away) comes before Nguyễn Chí Thanh's.
        await Assertions.Expect(phone.Locator("#responder")).ToHaveAttributeAsync("data-order", "nearest");
        await Assertions.Expect(phone.Locator("#responder [data-scope='fl-nguyen-chi-thanh']")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        var scopes = await phone.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#responder [data-alert-id]')].map(e => e.dataset.scope)");
        Assert.That(Array.IndexOf(scopes, "fl-tran-hung-dao"), Is.LessThan(Array.IndexOf(scopes, "fl-nguyen-chi-thanh")), string.Join(", ", scopes));
        await Assertions.Expect(card.Locator("[data-distance-km]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9]+ m$|km$"));

        await card.Locator("button[aria-expanded]").TapAsync();
        await card.Locator("[data-action='acknowledge']").TapAsync();
        await Assertions.Expect(card).ToHaveAttributeAsync("data-status", "acknowledged");
        await Assertions.Expect(onWall).ToHaveAttributeAsync("data-status", "acknowledged");

        await card.Locator("[data-field='note']").FillAsync(PumpNote);
        await card.Locator("[data-action='note']").TapAsync();
        await Assertions.Expect(card.Locator("[data-action-name='note']")).ToContainTextAsync(PumpNote);
        await onWall.ClickAsync();
        await Assertions.Expect(wall.Locator("#alert-panel")).ToContainTextAsync(PumpNote);

        // Laid out for the phone: nothing wider than the screen, buttons big enough for a thumb.
        var overflow = await phone.EvaluateAsync<bool>("() => [...document.querySelectorAll('#responder, #responder *')].some(e => e.getBoundingClientRect().right > window.innerWidth + 1)");
        Assert.That(overflow, Is.False, "nothing sticks out past the phone's 390 px");
        var button = await card.Locator("[data-action='note']").BoundingBoxAsync();
        Assert.That(button!.Height, Is.GreaterThanOrEqualTo(44), "a thumb-sized button");
        var path = Environment.GetEnvironmentVariable("CONTROLCENTER_PHONE_SCREENSHOT") is { Length: > 0 } configured ? configured : Path.Combine(Data.Path, "wall-phone.png");
        var png = await phone.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.That(png, Has.Length.GreaterThan(20_000), "a real picture of the phone");

        // The handover reads the alert book: wait until the book's copy has the note, then read the page.
        using (var reader = Host.CreateClient())
        {
            await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=acknowledged"),
                list => list.EnumerateArray().Any(a => a.GetProperty("id").GetString() == id && a.GetProperty("timeline").EnumerateArray().Any(e => e.GetProperty("action").GetString() == "note")),
                "the alert book's copy with the phone's note");
        }

        await wall.ClickAsync("#handover-link");
        var entry = wall.Locator($"[data-handover-alert='{id}']");
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-status-at-end", "acknowledged");
        await Assertions.Expect(entry.Locator("[data-fact='acknowledged']")).ToContainTextAsync("Xác nhận bởi responder");
        await Assertions.Expect(entry.Locator("[data-entry='note']")).ToContainTextAsync($"responder");
        await Assertions.Expect(entry.Locator("[data-entry='note']")).ToContainTextAsync(PumpNote);
        await Assertions.Expect(wall.Locator("#handover-people [data-person='responder'] td").Nth(1)).ToHaveTextAsync("1");
        await Assertions.Expect(wall.Locator("[data-figure='still-open'] .report-number")).Not.ToHaveTextAsync("0");
        await wall.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Path.GetDirectoryName(path)!, "wall-handover.png") });
        await wall.Context.CloseAsync();
        await phone.Context.CloseAsync();
    }

    [Test]
    public async Task Viewer_OnThePhone_SeesTheAlertsButNoActions()
    {
        await Ingest(Json.Reading("fl-hai-ba-trung", Now, new { depthCm = 33 }));
        var phone = await Phone("viewer");
        await phone.GotoAsync("/responder");
        var card = phone.Locator("#responder [data-rule='flood.depth'][data-scope='fl-hai-ba-trung']");
        await card.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await card.Locator("button[aria-expanded]").TapAsync();
        // The card has opened (its procedure is there, read-only) and holds no action.
        await Assertions.Expect(card.Locator("[data-sop-step]").First).ToBeDisabledAsync();
        await Assertions.Expect(card.Locator("[data-action]")).ToHaveCountAsync(0);
        await Assertions.Expect(card.Locator("[data-field='note']")).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }

    [Test]
    public async Task CriticalAlarm_OffByDefault_KeptPerPerson_RingsOnlyForNewCriticalAlerts()
    {
        var wall = await AlarmWall("admin");
        var toggle = wall.Locator("#alarm-toggle");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-on", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("data-on", "true");

        using var op = await Host.SignedIn("operator");
        using (var major = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Đèn tín hiệu hỏng ngã tư Kim Mã", severity = "major", zoneId = "ba-dinh" }))
            major.EnsureSuccessStatusCode();
        using (var critical = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Sập giàn giáo phố Huế", severity = "critical", zoneId = "hai-ba-trung" }))
            critical.EnsureSuccessStatusCode();
        await wall.WaitForFunctionAsync("t => window.__ccNotifications.some(n => n.body.includes(t))", "Sập giàn giáo phố Huế");
        var shown = await wall.EvaluateAsync<string[]>("() => window.__ccNotifications.map(n => n.title + ': ' + n.body)");
        Assert.That(shown, Does.Contain("Cảnh báo nghiêm trọng mới: Sập giàn giáo phố Huế — Hai Bà Trưng"));
        Assert.That(shown, Has.None.Contains("Kim Mã"), "a major alert does not ring");
        Assert.That(await wall.EvaluateAsync<int>("() => window.__ccTones"), Is.GreaterThan(0), "the tone sounded");

        // The choice is the person's, on the server: another browser of theirs has it on, another person's wall has it off.
        var again = await AlarmWall("admin");
        await Assertions.Expect(again.Locator("#alarm-toggle")).ToHaveAttributeAsync("data-on", "true");
        var viewer = await AlarmWall("viewer");
        await Assertions.Expect(viewer.Locator("#alarm-toggle")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(viewer.Locator("#alarm-toggle")).ToHaveAttributeAsync("data-on", "false");
        foreach (var page in new[] { wall, again, viewer }) await page.Context.CloseAsync();
    }

    /// <summary>The wall at 1920×1080 in a fresh context that may show notifications and records them.</summary>
    private async Task<IPage> AlarmWall(string user)
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, BaseURL = Host.ServerAddress.ToString(), Permissions = ["notifications"],
        });
        await context.AddInitScriptAsync(RecordAlarms);
        var page = await SignIn(await context.NewPageAsync(), user);
        await page.Locator(".cc-marker").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    [Test]
    public async Task HandoverPrintView_InEnglish_TellsTheResolution_AndBadInputIsSaidOnThePage()
    {
        using var op = await Host.SignedIn("operator");
        using var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Cây đổ chắn đường Phan Đình Phùng", titleEn = "Fallen tree blocks Phan Dinh Phung", severity = "minor", zoneId = "ba-dinh" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var responder = await Host.SignedIn("responder");
        using (var resolved = await responder.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "Đã cưa và dọn cây" })) resolved.EnsureSuccessStatusCode();
        await Eventually.Until(() => responder.GetFromJsonAsync<JsonElement>("/api/v1/alerts?status=resolved"),
            list => list.EnumerateArray().Any(a => a.GetProperty("id").GetString() == id), "the alert book's copy of the resolution");

        var page = await _browser.SignedIn(Host.ServerAddress, "operator");
        await page.GotoAsync("/culture?name=en-US&returnUrl=/handover/print");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/handover/print"));
        var entry = page.Locator($"#handover-print [data-handover-alert='{id}']");
        await Assertions.Expect(entry).ToHaveAttributeAsync("data-status-at-end", "resolved");
        await Assertions.Expect(entry.Locator(".report-alert-title")).ToHaveTextAsync("Fallen tree blocks Phan Dinh Phung");
        await Assertions.Expect(entry.Locator("[data-fact='resolved']")).ToContainTextAsync("Resolved by responder");
        await Assertions.Expect(entry.Locator("[data-entry='resolved']")).ToContainTextAsync("Đã cưa và dọn cây");
        await Assertions.Expect(page.Locator("#handover-made")).ToContainTextAsync("by operator");
        Assert.That(await page.Locator("#handover-print").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"), Is.EqualTo("rgb(255, 255, 255)"), "printed on white");

        var bad = await page.GotoAsync("/handover?hours=many");
        Assert.That(bad!.Status, Is.EqualTo(200), "a mistake in the address is said on the page, not an error page");
        await Assertions.Expect(page.Locator("#handover-problem")).ToContainTextAsync("hours is a number of hours");
        await page.GotoAsync("/handover?from=2026-12-01T06:00&to=2026-11-30T18:00");
        await Assertions.Expect(page.Locator("#handover-problem")).ToContainTextAsync("The start must come before the end");
        await page.Context.CloseAsync();
    }
}
