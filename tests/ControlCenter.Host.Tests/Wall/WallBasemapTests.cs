using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// The wall's map in Chromium: the offline basemap of Hanoi (river, lakes with West Lake's shoreline, districts,
/// ring roads, Vietnamese names) with nothing fetched from beyond this host, the legend in both languages,
/// groups of markers when zoomed out, and the pilot's inset that folds away and moves.
/// </summary>
public class WallBasemapTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    private Browser _browser = null!;

    [OneTimeSetUp]
    public async Task LaunchBrowser() => _browser = await Browser.Launch();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    [Test]
    public async Task Basemap_DrawsAndNamesTheRiversAndLakes_WithNoRequestBeyondTheHost()
    {
        var context = await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, BaseURL = Host.ServerAddress.ToString(),
        });
        // Every request the page makes is seen here; one to anywhere but this machine is counted and refused.
        var outside = new List<string>();
        var basemapFetched = false;
        await context.RouteAsync("**/*", async route =>
        {
            var url = new Uri(route.Request.Url);
            if (url.IsLoopback || url.Scheme is "data" or "blob")
            {
                basemapFetched |= url.AbsolutePath == "/wall/basemap/hanoi-basemap.geojson";
                await route.ContinueAsync();
                return;
            }
            lock (outside) outside.Add(route.Request.Url);
            await route.AbortAsync();
        });
        var page = await SignIn(context, "viewer");
        var map = page.Locator("#wall-map");

        var red = map.Locator("path[data-basemap='river'][data-name='Sông Hồng']");
        await Assertions.Expect(red).ToHaveCountAsync(1);
        await Assertions.Expect(map.Locator("path[data-basemap='river'][data-name='Sông Đuống']")).ToHaveCountAsync(1);
        foreach (var lake in new[] { "Hồ Tây", "Hồ Hoàn Kiếm", "Hồ Trúc Bạch", "Hồ Thiền Quang" })
            await Assertions.Expect(map.Locator($"path[data-basemap='lake'][data-name='{lake}']")).ToHaveCountAsync(1);
        // The river runs across the city view: kilometres of it, not a speck.
        var box = await red.BoundingBoxAsync();
        Assert.That(box!.Height, Is.GreaterThan(300), "the Red River drawn along the city");
        // West Lake is its shoreline, some 3 km across at the city view (~18 m a pixel), and its name is on it.
        var westLake = (await map.Locator("path[data-basemap='lake'][data-name='Hồ Tây']").BoundingBoxAsync())!;
        Assert.That(westLake.Width, Is.GreaterThan(120), "West Lake drawn east to west");
        Assert.That(westLake.Height, Is.GreaterThan(120), "West Lake drawn north to south");
        var westLakeName = map.Locator("[data-basemap-label='Hồ Tây']");
        await Assertions.Expect(westLakeName).ToBeVisibleAsync();
        var written = (await westLakeName.BoundingBoxAsync())!;
        var (x, y) = (written.X + written.Width / 2, written.Y + written.Height / 2);
        Assert.That(x, Is.InRange(westLake.X, westLake.X + westLake.Width), "West Lake's name over the lake");
        Assert.That(y, Is.InRange(westLake.Y, westLake.Y + westLake.Height), "West Lake's name over the lake");

        foreach (var name in new[] { "Sông Hồng", "Hồ Hoàn Kiếm", "Hồ Trúc Bạch", "Hồ Tây", "Hoàn Kiếm", "Ba Đình" })
            await Assertions.Expect(map.Locator($"[data-basemap-label='{name}']")).ToBeVisibleAsync();
        await Assertions.Expect(map.Locator("path[data-basemap='district']")).ToHaveCountAsync(12);
        await Assertions.Expect(map.Locator("[data-basemap-label='VĐ3']").First).ToBeVisibleAsync();
        // The markers are still on top of it all, and the map names its source.
        await Assertions.Expect(map.Locator(".cc-marker.cc-parking")).ToHaveCountAsync(17);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");

        Assert.That(basemapFetched, Is.True, "the basemap came from this host");
        lock (outside) Assert.That(outside, Is.Empty, "no request left the host");
        await context.CloseAsync();
    }

    [Test]
    public async Task Legend_ShowsEachDomainsScale_InVietnameseThenEnglish_AndFolds()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        var legend = page.Locator("#map-legend");
        await Assertions.Expect(legend.Locator(".legend-row")).ToHaveCountAsync(9);
        await Assertions.Expect(legend.Locator("[data-legend='air']")).ToContainTextAsync("Tốt 0–50");
        await Assertions.Expect(legend.Locator("[data-legend='flood']")).ToContainTextAsync("≥ 40 ô tô không qua được");
        await Assertions.Expect(legend.Locator("[data-legend='parking']")).ToContainTextAsync("Bãi đỗ xe: số chỗ trống");
        // A domain's symbol in the legend is drawn like its markers, in the first colour of its scale.
        await Assertions.Expect(legend.Locator("[data-legend='flood'] .cc-symbol.cc-flood")).ToHaveCSSAsync("background-color", "rgb(46, 125, 50)");

        await page.ClickAsync("#language");
        await Assertions.Expect(legend.Locator("[data-legend='air']")).ToContainTextAsync("Good 0–50");
        await Assertions.Expect(legend.Locator("[data-legend='flood']")).ToContainTextAsync("≥ 40 impassable for cars");
        await Assertions.Expect(legend.Locator("[data-legend='stale']")).ToContainTextAsync("stale or offline");

        // The language link reloads the page: the legend above is the prerendered HTML, and a click only works once
        // the circuit is up, which the markers (drawn through it) show.
        await Assertions.Expect(page.Locator("#wall-map .cc-marker.cc-parking")).ToHaveCountAsync(17);
        await page.ClickAsync("#map-legend-toggle");
        await Assertions.Expect(legend.Locator(".legend-row")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#map-legend-toggle")).ToHaveTextAsync("Legend");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Clusters_WhenZoomedOut_TakeTheWorstMembersColour_AndSplitWhenOpened()
    {
        await Ingest(Json.Reading("fl-tran-hung-dao", DateTimeOffset.UtcNow, new { depthCm = 45 }), Json.Reading("fl-phan-boi-chau", DateTimeOffset.UtcNow, new { depthCm = 0 }));
        var page = await _browser.SignedIn(Host.ServerAddress, "responder");
        var map = page.Locator("#wall-map");
        var flooded = map.Locator(".cc-marker[data-entity='fl-tran-hung-dao']");
        await Assertions.Expect(flooded).ToHaveAttributeAsync("data-status", "alert");
        await Assertions.Expect(map.Locator(".cc-cluster")).ToHaveCountAsync(0);

        await page.ClickAsync(".leaflet-control-zoom-out");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", "12");
        await page.ClickAsync(".leaflet-control-zoom-out");
        await Assertions.Expect(map).ToHaveAttributeAsync("data-zoom", "11");

        // The city centre's flood sensors are one group now, red because one of them is flooded.
        var group = map.Locator(".cc-cluster.cc-flood[data-members~='fl-tran-hung-dao']");
        await Assertions.Expect(group).ToHaveAttributeAsync("data-status", "alert");
        await Assertions.Expect(group).ToHaveCSSAsync("background-color", "rgb(211, 47, 47)");
        Assert.That(int.Parse((await group.GetAttributeAsync("data-count"))!, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThan(1));
        await Assertions.Expect(flooded).ToHaveCountAsync(0);
        // Groups are per domain: parking lots group among themselves, never with flood sensors.
        await Assertions.Expect(map.Locator(".cc-cluster.cc-parking")).Not.ToHaveCountAsync(0);

        await group.ClickAsync();
        await Assertions.Expect(map.Locator(".cc-cluster")).ToHaveCountAsync(0);
        await Assertions.Expect(flooded).ToHaveAttributeAsync("data-status", "alert");
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Inset_FoldsToItsTitle_AndMovesWhereItIsDragged()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer", 1366, 768);
        var frame = page.Locator("#wall-inset-frame");
        var open = (await frame.BoundingBoxAsync())!;
        var area = (await page.Locator(".cc-map-area").BoundingBoxAsync())!;
        Assert.That(open.Width * open.Height, Is.LessThan(area.Width * area.Height / 6), "the inset leaves the map to the city");

        await page.ClickAsync("#wall-inset-toggle");
        await Assertions.Expect(frame).ToHaveAttributeAsync("data-collapsed", "true");
        await Assertions.Expect(page.Locator("#wall-inset")).ToBeHiddenAsync();
        Assert.That((await frame.BoundingBoxAsync())!.Height, Is.LessThan(60));
        await page.ClickAsync("#wall-inset-toggle");
        await Assertions.Expect(page.Locator("#wall-inset .cc-marker.cc-parking").First).ToBeVisibleAsync();

        var handle = (await page.Locator("#wall-inset-handle .cc-inset-name").BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(handle.X + 10, handle.Y + handle.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(handle.X - 300, handle.Y + handle.Height / 2 - 200, new MouseMoveOptions { Steps = 5 });
        await page.Mouse.UpAsync();
        var moved = (await frame.BoundingBoxAsync())!;
        Assert.That(moved.X, Is.EqualTo(open.X - 310).Within(4), "moved left with the pointer");
        Assert.That(moved.Y, Is.EqualTo(open.Y - 200).Within(4), "moved up with the pointer");
        await page.Context.CloseAsync();
    }

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
    }

    /// <summary>Signs in through the form in a context the caller prepared (its routes), as Browser.SignedIn does.</summary>
    private static async Task<IPage> SignIn(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", $"{user}-hanoi");
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await page.Locator(".cc-marker").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }
}
