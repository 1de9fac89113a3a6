using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The wall in a real browser (Debian Chromium through Playwright) against a real host.</summary>
public class WallTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

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

    [Test]
    public async Task Responder_SeesTheLotsAndStations_MarkersAndTilesFollowIngest()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-parking")).ToHaveCountAsync(17);
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-traffic")).ToHaveCountAsync(9);
        await Assertions.Expect(page.Locator("#user")).ToContainTextAsync("responder");

        // Other tests of this fixture flood other sensors: count what the sensors say now, and wait for the tile to agree.
        var floodedBefore = await FloodedNow();
        await Assertions.Expect(page.Locator("[data-tile='flooded-points'] .cc-tile-value")).ToHaveTextAsync(floodedBefore.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Ingest(Json.Reading("fl-phan-boi-chau", Now, new { depthCm = 27 }));
        await Assertions.Expect(page.Locator("#wall-map [data-entity='fl-phan-boi-chau']")).ToHaveTextAsync("27");
        await Assertions.Expect(page.Locator("[data-tile='flooded-points'] .cc-tile-value")).ToHaveTextAsync((floodedBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("[data-tile='flooded-points']")).ToHaveAttributeAsync("data-status", "alert");
        await page.Context.CloseAsync();
    }

    /// <summary>How many flood sensors are at 10 cm or more now (sensor state is read straight from each sensor).</summary>
    private async Task<int> FloodedNow()
    {
        var floods = Host.Services.GetRequiredService<ControlCenter.Domain.Catalog.CityCatalog>().Sensors.Where(s => s.Kind == "flood").Select(s => s.Id);
        var states = await Task.WhenAll(floods.Select(Host.Entity));
        return states.Count(s => s.Derived.TryGetValue("floodLevel", out var level) && level?.ToString() is { } l && l != "none");
    }

    [Test]
    public async Task Responder_SeesTheAlertArrive_AcknowledgesIt_RestAgrees()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        await Ingest(Json.Reading("fl-tran-hung-dao", Now, new { depthCm = 45 }));
        // A flooded car park nearby may lead the street's incident: the queue folds the street under it.
        var id = await QueueItems.Open(page, "flood.depth", "fl-tran-hung-dao");
        await page.Locator("#alert-panel [data-action='acknowledge']").ClickAsync();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveAttributeAsync("data-status", "acknowledged");

        using var client = Host.CreateClient();
        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.That((alert.GetProperty("status").GetString(), alert.GetProperty("acknowledgedBy").GetString()), Is.EqualTo(("acknowledged", "responder")));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task AlertPanel_ShowsChangesMadeByOthers_Live_AndTicksTheSop()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        using var op = await Host.SignedIn("operator");
        using var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Cháy chợ Đồng Xuân", severity = "critical", zoneId = "hoan-kiem" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await page.Locator($".cc-alert[data-alert-id='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveAttributeAsync("data-status", "open");

        // Someone else acknowledges it over the API: the open panel follows without a reload.
        using (var ack = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/acknowledge", new { note = "đã điều xe cứu hỏa" })) ack.EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveAttributeAsync("data-status", "acknowledged");
        await Assertions.Expect(page.Locator("#alert-panel")).ToContainTextAsync("operator");
        await Assertions.Expect(page.Locator("#alert-panel [data-action='acknowledge']")).ToHaveCountAsync(0);

        await page.Locator("#alert-panel [data-sop-step='1']").CheckAsync();
        await Assertions.Expect(page.Locator("#alert-panel")).ToContainTextAsync("— responder");
        using var client = Host.CreateClient();
        var alert = await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.That((alert.GetProperty("sop")[0].GetProperty("done").GetBoolean(), alert.GetProperty("sop")[0].GetProperty("by").GetString()), Is.EqualTo((true, "responder")));

        await page.FillAsync("#resolve-note", "đã dập lửa");
        await page.Locator("#alert-panel [data-action='resolve']").ClickAsync();
        await Assertions.Expect(page.Locator("#alert-status")).ToHaveAttributeAsync("data-status", "resolved");
        await Assertions.Expect(page.Locator($".cc-alert[data-alert-id='{id}']")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Marker_OpensTheEntity_WithItsRecentHistory()
    {
        var now = Now;
        await Ingest(Json.Reading("fl-nguyen-khuyen", now.AddMinutes(-40), new { depthCm = 5 }), Json.Reading("fl-nguyen-khuyen", now.AddMinutes(-20), new { depthCm = 12 }),
            Json.Reading("fl-nguyen-khuyen", now, new { depthCm = 16 }));
        // The panel reads history once when it opens: wait until the history store has the three readings.
        using (var reader = Host.CreateClient())
        {
            var from = Uri.EscapeDataString(now.AddHours(-1).ToString("O"));
            await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>($"/api/v1/history/fl-nguyen-khuyen?metric=depthCm&from={from}&step=1m"),
                h => h.GetProperty("points").GetArrayLength() == 3, "the three readings in the history store");
        }

        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await Assertions.Expect(page.Locator("#wall-map [data-entity='fl-nguyen-khuyen']")).ToHaveTextAsync("16");
        await page.Locator("#wall-map [data-entity='fl-nguyen-khuyen']").ClickAsync();
        await Assertions.Expect(page.Locator("#entity-panel")).ToHaveAttributeAsync("data-entity-id", "fl-nguyen-khuyen");
        await Assertions.Expect(page.Locator("#entity-panel")).Not.ToContainTextAsync(new System.Text.RegularExpressions.Regex("Chưa có lịch sử|No history"));
        // The line through the three readings' 15-minute means.
        await Assertions.Expect(page.Locator("#entity-panel path.mud-chart-line")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#entity-panel circle.mud-chart-point")).ToHaveCountAsync(3);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Operator_SeesEachLotsBookings_AndClosesALotFromTheWall()
    {
        await Ingest(Json.Reading("pg-thd-04", Now, new { occupiedCount = 5 }));
        using var app = ParkingApp.For(Host);
        using (var hold = await app.Hold("p-thd-04", "30W-111.11")) Assert.That(hold.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created));
        using var started = await app.StartSession("p-thd-04", "30W-222.22");
        var sessionId = (await ParkingApp.Body(started)).GetProperty("sessionId").GetString()!;
        using var ended = await app.End(sessionId);
        var fee = (await ParkingApp.Body(ended)).GetProperty("fee").GetProperty("totalVnd").GetInt64();

        var page = await _browser.SignedIn(Host.ServerAddress, "operator");
        await page.ClickAsync("#side-parking");
        await Assertions.Expect(page.Locator("#parking-board .cc-board-row")).ToHaveCountAsync(17);
        var row = page.Locator("#parking-board [data-lot-id='p-thd-04']");
        // 16 spaces, 5 on the gate counter, 1 held, the ended session no longer arriving: 10 free.
        await Assertions.Expect(row.Locator("[data-figure='occupied']")).ToHaveTextAsync("5");
        await Assertions.Expect(row.Locator("[data-figure='held']")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-figure='free']")).ToHaveTextAsync("10");
        await Assertions.Expect(row.Locator("[data-figure='sessionsToday']")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator("[data-figure='revenueTodayVnd']")).ToHaveTextAsync(fee.ToString("#,0", new System.Globalization.CultureInfo("vi-VN")));

        await row.ClickAsync();
        await Assertions.Expect(page.Locator("#entity-panel")).ToHaveAttributeAsync("data-entity-id", "p-thd-04");
        await page.FillAsync("#lot-close-reason", "Sửa chữa vỉa hè");
        await page.ClickAsync("#lot-close");
        await Assertions.Expect(row.Locator("[data-closed]")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#lot-closed-reason")).ToContainTextAsync("Sửa chữa vỉa hè");
        using (var refused = await app.StartSession("p-thd-04", "30W-333.33"))
            Assert.That(refused.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Conflict), "the app is refused at once");
        using (var admin = await Host.SignedIn("admin"))
        {
            var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
            Assert.That(audit.EnumerateArray().Any(e => e.GetProperty("action").GetString() == "lot-closed" && e.GetProperty("target").GetString() == "p-thd-04"), Is.True);
        }

        await page.ClickAsync("#lot-reopen");
        await Assertions.Expect(row.Locator("[data-closed]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Viewer_CannotCloseALot()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await page.ClickAsync("#side-parking");
        await page.Locator("#parking-board [data-lot-id='p-ltk-01']").ClickAsync();
        await Assertions.Expect(page.Locator("#entity-panel")).ToHaveAttributeAsync("data-entity-id", "p-ltk-01");
        await Assertions.Expect(page.Locator("#lot-close, #lot-reopen")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task TouristPoint_Overcrowded_RedMarkerTileAndPanel_AlertEvidenceInWords()
    {
        // The rule waits out a passing tour group (10 minutes by default): not here, so the alert comes at once.
        await SetCrowdWait(0);
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-tourism")).ToHaveCountAsync(8);
        await Assertions.Expect(page.Locator(".cc-layer-toggle input[data-layer='tourism']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator(".cc-layer-toggle").Last).ToContainTextAsync("Du lịch");

        await Ingest(Json.Reading("vc-quang-truong-ba-dinh", Now, new { entries = 460, present = 11_500 }));
        var marker = page.Locator("#wall-map .cc-marker.cc-tourism[data-entity='vc-quang-truong-ba-dinh']");
        await Assertions.Expect(marker).ToHaveTextAsync("11,5k");
        await Assertions.Expect(marker).ToHaveCSSAsync("background-color", "rgb(211, 47, 47)");
        await Assertions.Expect(marker).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("^Quảng trường Ba Đình.*: 11\\.500/10\\.000 người · quá tải \\(115%\\)$"));

        var tile = page.Locator("[data-tile='visitors-now']");
        await Assertions.Expect(tile).ToHaveAttributeAsync("data-status", "alert", new() { Timeout = 20_000 });
        await Assertions.Expect(tile.Locator(".cc-tile-label")).ToHaveTextAsync("Khách tại điểm du lịch");
        // Other tests of this fixture count visitors elsewhere: the tile adds up the points that report, whatever they say now.
        var (present, capacity) = await VisitorsNow();
        var vi = new System.Globalization.CultureInfo("vi-VN");
        await Assertions.Expect(tile.Locator(".cc-tile-value")).ToContainTextAsync(present.ToString("#,0", vi), new() { Timeout = 20_000 });
        await Assertions.Expect(tile.Locator(".cc-tile-of")).ToHaveTextAsync($"trên {capacity.ToString("#,0", vi)}");
        await Assertions.Expect(tile.Locator(".cc-tile-unit")).ToHaveTextAsync("người");
        await Assertions.Expect(tile.Locator(".cc-tile-context")).ToHaveTextAsync("Quảng trường Ba Đình – Lăng Chủ tịch Hồ Chí Minh · quá tải · 115%");

        await marker.ClickAsync();
        var panel = page.Locator("#entity-panel");
        await Assertions.Expect(panel).ToHaveAttributeAsync("data-entity-id", "vc-quang-truong-ba-dinh");
        await Assertions.Expect(panel.Locator("[data-figure='present'] td").First).ToHaveTextAsync("Số người đang có mặt");
        await Assertions.Expect(panel.Locator("[data-figure='present'] .cc-num")).ToHaveTextAsync("11.500");
        await Assertions.Expect(panel.Locator("[data-figure='capacity'] .cc-num")).ToHaveTextAsync("10.000");
        await Assertions.Expect(panel.Locator("[data-figure='crowding'] .cc-num")).ToHaveTextAsync("quá tải (115%)");
        // The screenshot test's simulated day may have counted visitors here too: the panel shows what the counter says.
        var perHour = (await Host.Entity("vc-quang-truong-ba-dinh")).Derived["visitorsPerHour"]!.ToString()!;
        Assert.That(int.Parse(perHour, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(460));
        await Assertions.Expect(panel.Locator("[data-figure='visitorsPerHour'] .cc-num")).ToHaveTextAsync(
            int.Parse(perHour, System.Globalization.CultureInfo.InvariantCulture).ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("vi-VN")));

        await panel.Locator(".cc-link-button").ClickAsync();
        var item = page.Locator(".cc-alert[data-rule='tourism.overcrowded'][data-scope='vc-quang-truong-ba-dinh']");
        await item.WaitForAsync(new LocatorWaitForOptions { Timeout = 20_000 });
        await item.ClickAsync();
        var alert = page.Locator("#alert-panel");
        await Assertions.Expect(alert.Locator(".cc-panel-title")).ToHaveTextAsync("Quá tải khách tại điểm du lịch");
        await Assertions.Expect(page.Locator("#alert-scope")).ToContainTextAsync("Quảng trường Ba Đình");
        await Assertions.Expect(alert.Locator("[data-evidence='crowdingRatio']")).ToContainTextAsync("Tỷ lệ so với sức chứa");
        await Assertions.Expect(alert.Locator("[data-evidence='crowdingRatio'] .cc-num")).ToHaveTextAsync("115%");
        await Assertions.Expect(alert.Locator("[data-evidence='present'] .cc-num")).ToHaveTextAsync("11.500 người");
        await page.Context.CloseAsync();
        await SetCrowdWait(10);
    }

    /// <summary>People present and capacity over the tourist points that report (read straight from each counter).</summary>
    private async Task<(double Present, double Capacity)> VisitorsNow()
    {
        var counters = Host.Services.GetRequiredService<ControlCenter.Domain.Catalog.CityCatalog>().Sensors.Where(s => s.Kind == "visitor-counter");
        var states = (await Task.WhenAll(counters.Select(c => Host.Entity(c.Id)))).Where(s => s.Derived.ContainsKey("crowdingRatio")).ToList();
        return (states.Sum(s => s.Values["present"]), states.Sum(s => Convert.ToDouble(s.Derived["capacity"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>How long a crowd must last before the overcrowding rule raises (the tourism pack, replaced by an admin).</summary>
    private async Task SetCrowdWait(int minutes)
    {
        using var admin = await Host.SignedIn("admin");
        var document = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>("/api/v1/thresholds"))!;
        var packs = document["packs"]!.DeepClone();
        packs["tourism"]!["crowdedMinutesBeforeAlert"] = minutes;
        var body = new System.Text.Json.Nodes.JsonObject { ["version"] = document["version"]!.GetValue<long>(), ["packs"] = packs };
        using var response = await admin.PutAsync("/api/v1/thresholds", new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"));
        Assert.That(response.IsSuccessStatusCode, Is.True, "the tourism pack replaced");
    }

    [Test]
    public async Task Logout_WithoutTheFormsToken_IsRefused()
    {
        using var responder = await Host.SignedIn("responder");
        using var forged = await responder.PostAsync("/logout", new FormUrlEncodedContent([]));
        Assert.That(forged.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.BadRequest));
        using var stillIn = await responder.GetAsync("/api/v1/auth/me");
        Assert.That(stillIn.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
    }

    [Test]
    public async Task Operator_PublishesAPublicWarningFromTheWall_AndWithdrawsIt()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "operator");
        using var op = await Host.SignedIn("operator");
        using var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Sạt lở kè Hồ Tây", severity = "major", zoneId = "tay-ho" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        await page.Locator($".cc-alert[data-alert-id='{id}']").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-title")).ToHaveValueAsync("Sạt lở kè Hồ Tây");

        // Without the texts the warning is refused, with the reason on the panel.
        await page.Locator("#alert-panel [data-action='publish-warning']").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-message")).ToContainTextAsync("text");
        await page.FillAsync("#warning-title-en", "West Lake embankment collapse");
        await page.FillAsync("#warning-text", "Không đi bộ sát mép kè đường Thanh Niên.");
        await page.FillAsync("#warning-text-en", "Keep away from the lake edge on Thanh Nien Road.");
        await page.Locator("#alert-panel [data-action='publish-warning']").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-published")).ToBeVisibleAsync();

        using var anonymous = Host.Anonymous();
        var shown = await Eventually.Until(() => anonymous.GetFromJsonAsync<JsonElement>("/open/v1/warnings"),
            b => b.GetProperty("data").GetProperty("warnings").EnumerateArray().Any(w => w.GetProperty("id").GetString() == id), "the warning on the open data API");
        var warning = shown.GetProperty("data").GetProperty("warnings").EnumerateArray().Single(w => w.GetProperty("id").GetString() == id);
        Assert.That(warning.GetProperty("textEn").GetString(), Is.EqualTo("Keep away from the lake edge on Thanh Nien Road."));

        // An area set over the API (a point) survives an edit of the words on the wall.
        using (var pointed = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new
        {
            title = "Sạt lở kè Hồ Tây", titleEn = "West Lake embankment collapse", text = "Không đi bộ sát mép kè.", textEn = "Keep away from the edge.",
            area = new { lat = 21.0489, lon = 105.8366, radiusKm = 0.3, description = "Kè đường Thanh Niên" },
        })) pointed.EnsureSuccessStatusCode();
        await Assertions.Expect(page.Locator("#warning-published")).ToContainTextAsync("(2)");
        await page.FillAsync("#warning-text", "Không đi bộ sát mép kè; đã rào chắn.");
        await page.Locator("#alert-panel [data-action='publish-warning']").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-published")).ToContainTextAsync("(3)");
        var edited = (await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}")).GetProperty("publicWarning");
        Assert.That((edited.GetProperty("text").GetString(), edited.GetProperty("area").GetProperty("radiusKm").GetDouble(), edited.GetProperty("area").GetProperty("description").GetString()),
            Is.EqualTo(("Không đi bộ sát mép kè; đã rào chắn.", 0.3, "Kè đường Thanh Niên")));

        await page.Locator("#alert-panel [data-action='withdraw-warning']").ClickAsync();
        await Assertions.Expect(page.Locator("#warning-published")).ToHaveCountAsync(0);
        var alert = await op.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
        Assert.That(alert.GetProperty("publicWarning").GetProperty("withdrawnBy").GetString(), Is.EqualTo("operator"));
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Viewer_SeesNoActionButtons()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await Ingest(Json.Reading("fl-hai-ba-trung", Now, new { depthCm = 33 }));
        await QueueItems.Open(page, "flood.depth", "fl-hai-ba-trung");
        // The panel has drawn (its procedure is there, read-only) and holds no action.
        await Assertions.Expect(page.Locator("#alert-panel [data-sop-step]").First).ToBeDisabledAsync();
        await Assertions.Expect(page.Locator("#alert-panel [data-action]")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Language_SwitchesToEnglish_AndBack()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await Assertions.Expect(page.Locator("[data-tile='free-spaces'] .cc-tile-label")).ToHaveTextAsync("Chỗ đỗ trống");
        await page.ClickAsync("#language");
        await page.Locator(".cc-marker").First.WaitForAsync();
        await Assertions.Expect(page.Locator("[data-tile='free-spaces'] .cc-tile-label")).ToHaveTextAsync("Free parking spaces");
        await Assertions.Expect(page.Locator(".cc-layer-toggle").First).ToContainTextAsync("Parking");
        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("[data-tile='free-spaces'] .cc-tile-label")).ToHaveTextAsync("Chỗ đỗ trống");
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// The map's script is a module its component imports (Wall/Components/WallMap.razor.js): nothing of ours on
    /// <c>window</c>, and the city map and its inset still draw their own markers and follow the layer switches.
    /// </summary>
    [Test]
    public async Task Map_IsAModuleWithNoGlobalOfOurs_AndStillDrawsItsMarkers()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await Assertions.Expect(page.Locator("#wall-inset .cc-marker.cc-parking").First).ToBeVisibleAsync();
        // The inset is a view of its own: the pilot's layers only.
        await Assertions.Expect(page.Locator("#wall-inset .cc-marker.cc-air")).ToHaveCountAsync(0);
        Assert.That(await page.EvaluateAsync<bool>("() => 'ccMap' in window"), Is.False, "no window.ccMap");
        Assert.That(await page.EvaluateAsync<bool>("() => [...document.scripts].some(s => s.src.includes('wall-map.js'))"), Is.False, "no wall-map.js script tag");

        await page.Locator("input[data-layer='air']").UncheckAsync();
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(0);
        await page.Locator("input[data-layer='air']").CheckAsync();
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await page.Context.CloseAsync();
    }

    /// <summary>
    /// A 3840×2160 video wall's map opens one step closer (zoom 14) so the markers spread out; there and at 1920×1080
    /// the legend opens as a low band that lies over no marker. A 1366×768 laptop's map keeps the city view and its
    /// legend starts folded, lying over no marker, opens with one click, and this browser remembers it open.
    /// </summary>
    [Test]
    public async Task Map_OnAVideoWall_OpensCloser_AndOnALaptop_TheLegendStartsFolded()
    {
        var wall = await _browser.SignedIn(Host.ServerAddress, "viewer", 3840, 2160);
        await Assertions.Expect(wall.Locator("#wall-map")).ToHaveAttributeAsync("data-zoom", "14");
        await Assertions.Expect(wall.Locator("#map-legend .legend-row")).ToHaveCountAsync(9);
        await Assertions.Expect(wall.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await NoMarkerUnderTheLegend(wall, "the video wall's view, legend open");
        await wall.Context.CloseAsync();

        var desk = await _browser.SignedIn(Host.ServerAddress, "viewer", 1920, 1080);
        await Assertions.Expect(desk.Locator("#map-legend .legend-row")).ToHaveCountAsync(9);
        await Assertions.Expect(desk.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await NoMarkerUnderTheLegend(desk, "the 1920×1080 city view, legend open");
        await desk.Context.CloseAsync();

        var laptop = await _browser.SignedIn(Host.ServerAddress, "viewer", 1366, 768);
        var legend = laptop.Locator("#map-legend");
        await Assertions.Expect(laptop.Locator("#wall-map")).ToHaveAttributeAsync("data-zoom", "13");
        await Assertions.Expect(legend).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(laptop.Locator("#wall-map .cc-marker.cc-air")).ToHaveCountAsync(10);
        await NoMarkerUnderTheLegend(laptop, "the 1366×768 city view, legend folded");

        // One click opens it (were it open, the click would fold it), and the choice outlives a reload.
        await laptop.ClickAsync("#map-legend-toggle");
        await Assertions.Expect(legend).ToHaveAttributeAsync("data-open", "true");
        await Assertions.Expect(legend.Locator(".legend-row")).ToHaveCountAsync(9);
        await laptop.ReloadAsync();
        await Assertions.Expect(legend.Locator(".legend-row")).ToHaveCountAsync(9);
        await laptop.Context.CloseAsync();
    }

    /// <summary>
    /// Waits (up to 5 s) until no map marker overlaps the legend's box as drawn, else fails naming those that do. The
    /// map makes room for the legend after the layout settles (the tiles above it fill in), not in the first frame.
    /// </summary>
    private static async Task NoMarkerUnderTheLegend(IPage page, string view)
    {
        const string under = """
            () => {
              const l = document.getElementById('map-legend').getBoundingClientRect();
              return [...document.querySelectorAll('#wall-map .cc-marker')].filter(m => {
                const r = m.getBoundingClientRect();
                return r.left < l.right && r.right > l.left && r.top < l.bottom && r.bottom > l.top;
              }).map(m => m.dataset.entity);
            }
            """;
        try
        {
            await page.WaitForFunctionAsync($"() => ({under})().length === 0", null, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            Assert.That(await page.EvaluateAsync<string[]>(under), Is.Empty, $"markers under the legend in {view}");
        }
    }

    [Test]
    public async Task Anonymous_IsSentToTheLoginPage_AndAWrongPasswordIsRefused()
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = Host.ServerAddress.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/login"));
        await page.FillAsync("#username", "responder");
        await page.FillAsync("#password", "not-the-password");
        await page.ClickAsync("#login-submit");
        await Assertions.Expect(page.Locator("#login-error")).ToBeVisibleAsync();
        await context.CloseAsync();
    }

    /// <summary>
    /// The wall at 1920×1080 with a living city, then at 1366×768 and on a 3840×2160 video wall: ops/wall-screenshot.sh
    /// runs this test with CONTROLCENTER_WALL_SCREENSHOT set to write docs/wall.png, wall-parking.png, wall-1366.png
    /// and wall-3840.png.
    /// </summary>
    [Test]
    public async Task Screenshot_At1920x1080()
    {
        await Ingest(Json.Reading("fl-ly-thuong-kiet", Now, new { depthCm = 24 }), Json.Reading("rg-hoan-kiem", Now, new { rainMm = 6 }),
            Json.Reading("vc-van-mieu", Now, new { entries = 140, present = 2_600 }), Json.Reading("vc-chua-tran-quoc", Now, new { entries = 30, present = 350 }),
            Json.Reading("vc-ho-guom-the-huc", Now, new { entries = 900, present = 7_400 }));
        using var output = new StringWriter();
        await ControlCenter.Simulator.SimulatorCommand.Run(["normal", "--url", Host.ServerAddress.ToString(), "--speed", "60", "--duration", "4"], output, CancellationToken.None);
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        await Assertions.Expect(page.Locator("[data-tile='free-spaces']")).Not.ToHaveAttributeAsync("data-status", "stale");
        await Assertions.Expect(page.Locator("#wall-map [data-basemap-label='Sông Hồng']")).ToBeVisibleAsync();
        var path = Environment.GetEnvironmentVariable("CONTROLCENTER_WALL_SCREENSHOT") is { Length: > 0 } configured
            ? configured : Path.Combine(Data.Path, "wall.png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
        Assert.That(png, Has.Length.GreaterThan(50_000), "a real picture of the wall");
        var hasScroll = await page.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth");
        Assert.That(hasScroll, Is.False, "the main view fits 1920×1080 without scrolling");

        // The parking board: all 17 lots readable on the same screen.
        await page.ClickAsync("#side-parking");
        await Assertions.Expect(page.Locator("#parking-board .cc-board-row").Last).ToBeInViewportAsync(new() { Ratio = 1 });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.ChangeExtension(path, null) + "-parking.png" });
        await page.Context.CloseAsync();

        // A laptop and a video wall: the same wall, whole, without scrolling.
        foreach (var (width, height) in new[] { (1366, 768), (3840, 2160) })
        {
            var sized = await _browser.SignedIn(Host.ServerAddress, "responder", width, height);
            await Assertions.Expect(sized.Locator("#wall-map [data-basemap-label='Sông Hồng']")).ToBeVisibleAsync();
            // The laptop's legend starts folded to its button (Map_OnALaptop_TheLegendStartsFolded...), the video wall's open.
            await Assertions.Expect(sized.Locator(width < 1920 ? "#map-legend-toggle" : "#map-legend .legend-row").First).ToBeInViewportAsync(new() { Ratio = 1 });
            await sized.ScreenshotAsync(new PageScreenshotOptions { Path = $"{Path.ChangeExtension(path, null)}-{width}.png" });
            var scrolls = await sized.EvaluateAsync<bool>("() => document.documentElement.scrollHeight > window.innerHeight || document.documentElement.scrollWidth > window.innerWidth");
            Assert.That(scrolls, Is.False, $"the main view fits {width}×{height} without scrolling");
            await sized.Context.CloseAsync();
        }
    }
}
