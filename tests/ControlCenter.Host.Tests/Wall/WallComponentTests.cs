using Bunit;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall;
using ControlCenter.Host.Wall.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>The wall's components rendered on their own (bUnit): queue order, how stale data looks, tourism in words.</summary>
public class WallComponentTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 11, 27, 3, 0, 0, TimeSpan.Zero));

    private static BunitContext Context()
    {
        var context = new BunitContext();
        context.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        context.Services.AddSingleton<TimeProvider>(Time);
        context.Services.AddSingleton(CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")));
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("vi-VN");
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("vi-VN");
        return context;
    }

    private static Alert Alert(string id, string severity, int minutesAgo, AlertSuppression? suppressed = null) => new()
    {
        Id = id, RuleId = "manual", Scope = id, Title = id, TitleEn = id, Severity = severity, ZoneId = "hoan-kiem",
        RaisedAt = Time.GetUtcNow().AddMinutes(-minutesAgo), Version = 1, Suppressed = suppressed,
    };

    [Test]
    public void Queue_MostSevereFirst_ThenLongestWaiting_SilencedLast()
    {
        using var context = Context();
        var feed = new WallFeed();
        feed.Accept([], null, [
            Alert("al-1", "minor", 50), Alert("al-2", "critical", 5), Alert("al-3", "critical", 30),
            Alert("al-4", "critical", 60, new AlertSuppression("silence", "si-1")), Alert("al-5", "major", 1), Alert("al-6", "info", 90),
        ], Time);
        var queue = context.Render<AlertQueue>(p => p.Add(q => q.Feed, feed));
        var order = queue.FindAll(".cc-alert").Select(e => e.GetAttribute("data-alert-id")).ToList();
        Assert.That(order, Is.EqualTo(new[] { "al-3", "al-2", "al-5", "al-1", "al-6", "al-4" }));
        Assert.That(queue.Find("[data-alert-id='al-4']").ClassList, Does.Contain("cc-suppressed"));
    }

    [Test]
    public void Tiles_StaleLooksStale_NeverAZeroThatLooksFine()
    {
        using var context = Context();
        var feed = new WallFeed();
        feed.Accept([], new KpiSnapshot(Time.GetUtcNow(), 1,
        [
            new KpiTile("free-spaces", 0, "spaces", "stale") { Of = 248, Unknown = 248 },
            new KpiTile("worst-aqi", null, "VN_AQI", "stale"),
            new KpiTile("flooded-points", 2, "points", "alert") { Peak = 31 },
        ]), [], Time);
        var tiles = context.Render<KpiTiles>(p => p.Add(t => t.Feed, feed));
        Assert.That(tiles.Find("[data-tile='free-spaces']").ClassList, Does.Contain("cc-status-stale"));
        Assert.That(tiles.Find("[data-tile='worst-aqi'] .cc-tile-value").TextContent.Trim(), Does.StartWith("–"), "no value shown as a dash");
        Assert.That(tiles.Find("[data-tile='flooded-points']").ClassList, Does.Contain("cc-status-alert"));
        Assert.That(tiles.Find("[data-tile='flooded-points'] .cc-tile-context").TextContent, Does.Contain("31 cm"));
    }

    [Test]
    public void Marker_StaleOrSilent_IsGreyWithItsAge_NotItsLastValue()
    {
        var place = ("fl-phan-boi-chau", "flood", 21.0236, 105.8447, "Phan Bội Châu", "Phan Boi Chau");
        var fresh = new EntityState("fl-phan-boi-chau", "flood", "hoan-kiem", 3, Time.GetUtcNow().AddMinutes(-1), "alert",
            new Dictionary<string, double> { ["depthCm"] = 27 }, new Dictionary<string, object?> { ["floodLevel"] = "major" });
        var live = MapMarkers.Of(place, fresh, english: false, Time.GetUtcNow());
        Assert.That((live.Text, live.Stale, live.Colour), Is.EqualTo(("27", false, "#f57c00")));

        var stale = MapMarkers.Of(place, fresh with { Status = "stale", Ts = Time.GetUtcNow().AddMinutes(-42) }, english: false, Time.GetUtcNow());
        Assert.That((stale.Text, stale.Stale, stale.Colour), Is.EqualTo(("42 phút", true, MapMarkers.Grey)));
        Assert.That(stale.Title, Does.Contain("số liệu cũ"));

        var never = MapMarkers.Of(place, fresh with { Ts = null }, english: true, Time.GetUtcNow());
        Assert.That((never.Stale, never.Colour), Is.EqualTo((true, MapMarkers.Grey)));
        Assert.That(never.Title, Does.Contain("no data yet"));
    }

    private static readonly CityCatalog Catalog = CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json"));

    private static IStringLocalizer Words(BunitContext context, string culture)
    {
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo(culture);
        return context.Services.GetRequiredService<IStringLocalizer<WallText>>();
    }

    private static EntityState Visitors(string id, double present, string crowding, double ratio, int capacity) =>
        new(id, "visitor-counter", "ba-dinh", 4, Time.GetUtcNow().AddMinutes(-1), crowding == "overcrowded" ? "alert" : "ok",
            new Dictionary<string, double> { ["present"] = present, ["entries"] = 120 },
            new Dictionary<string, object?> { ["crowding"] = crowding, ["crowdingRatio"] = ratio, ["capacity"] = capacity, ["visitorsPerHour"] = 480.0 });

    private static (string, string, double, double, string, string) Place(string id) =>
        MapMarkers.Places(Catalog).Single(p => p.Id == id);

    [TestCase("comfortable", 0.3, "#2e7d32")]
    [TestCase("busy", 0.6, "#fbc02d")]
    [TestCase("crowded", 0.9, "#f57c00")]
    [TestCase("overcrowded", 1.15, "#d32f2f")]
    public void Marker_TouristPoint_ColouredByCrowding(string crowding, double ratio, string colour)
    {
        using var context = Context();
        var marker = MapMarkers.Of(Place("vc-quang-truong-ba-dinh"), Visitors("vc-quang-truong-ba-dinh", ratio * 10_000, crowding, ratio, 10_000), false, Time.GetUtcNow());
        Assert.That((marker.Layer, marker.Colour, marker.Stale), Is.EqualTo(("tourism", colour, false)));
    }

    [Test]
    public void Marker_TouristPoint_ShowsPeoplePresentShort_AndTitlesThePlaceInTheWallsLanguage()
    {
        using var context = Context();
        var state = Visitors("vc-quang-truong-ba-dinh", 11_500, "overcrowded", 1.15, 10_000);

        var vi = MapMarkers.Of(Place("vc-quang-truong-ba-dinh"), state, false, Time.GetUtcNow(), Words(context, "vi-VN"));
        Assert.That(vi.Text, Is.EqualTo("11,5k"));
        Assert.That(vi.Title, Is.EqualTo("Quảng trường Ba Đình – Lăng Chủ tịch Hồ Chí Minh: 11.500/10.000 người · quá tải (115%)"));

        var en = MapMarkers.Of(Place("vc-quang-truong-ba-dinh"), state, true, Time.GetUtcNow(), Words(context, "en-US"));
        Assert.That(en.Text, Is.EqualTo("11.5k"));
        Assert.That(en.Title, Is.EqualTo("Ba Dinh Square – Ho Chi Minh Mausoleum: 11,500/10,000 people · overcrowded (115%)"));

        var few = MapMarkers.Of(Place("vc-chua-tran-quoc"), Visitors("vc-chua-tran-quoc", 640, "crowded", 0.8, 800), true, Time.GetUtcNow());
        Assert.That(few.Text, Is.EqualTo("640"));
    }

    [Test]
    public void Marker_TouristPoint_Stale_IsGreyWithItsAge()
    {
        using var context = Context();
        var state = Visitors("vc-van-mieu", 2_900, "crowded", 0.97, 3_000) with { Status = "stale", Ts = Time.GetUtcNow().AddMinutes(-25) };
        var marker = MapMarkers.Of(Place("vc-van-mieu"), state, false, Time.GetUtcNow());
        Assert.That((marker.Text, marker.Colour, marker.Stale), Is.EqualTo(("25 phút", MapMarkers.Grey, true)));
    }

    [Test]
    public void Tiles_VisitorsNow_PresentOfCapacity_AndTheBusiestPointsCrowding()
    {
        using var context = Context();
        var feed = new WallFeed();
        feed.Accept([Visitors("vc-quang-truong-ba-dinh", 11_500, "overcrowded", 1.15, 10_000)], new KpiSnapshot(Time.GetUtcNow(), 1,
        [
            new KpiTile("visitors-now", 14_200, "people", "alert") { Of = 51_800, EntityId = "vc-quang-truong-ba-dinh", Peak = 1.15 },
        ]), [], Time);
        var tiles = context.Render<KpiTiles>(p => p.Add(t => t.Feed, feed));
        var tile = tiles.Find("[data-tile='visitors-now']");
        Assert.That(tile.ClassList, Does.Contain("cc-status-alert"));
        Assert.That(tiles.Find("[data-tile='visitors-now'] .cc-tile-label").TextContent, Is.EqualTo("Khách tại điểm du lịch"));
        Assert.That(tiles.Find("[data-tile='visitors-now'] .cc-tile-value").TextContent.Trim(), Does.StartWith("14.200"));
        Assert.That(tiles.Find("[data-tile='visitors-now'] .cc-tile-of").TextContent.Trim(), Is.EqualTo("trên 51.800"));
        Assert.That(tiles.Find("[data-tile='visitors-now'] .cc-tile-unit").TextContent.Trim(), Is.EqualTo("người"));
        Assert.That(tiles.Find("[data-tile='visitors-now'] .cc-tile-context").TextContent,
            Is.EqualTo("Quảng trường Ba Đình – Lăng Chủ tịch Hồ Chí Minh · quá tải · 115%"));
    }

    [Test]
    public void Evidence_TourismMetrics_ReadableInBothLanguages()
    {
        using var context = Context();
        var ratio = new AlertEvidence("vc-van-mieu", "crowdingRatio", 1.08, null);
        var present = new AlertEvidence("vc-van-mieu", "present", 3_240, null);
        var open = new AlertEvidence("ws-ho-guom", "walkingStreetOpen", 1, null);

        var vi = Words(context, "vi-VN");
        Assert.That(EvidenceText.Metric(ratio, vi), Is.EqualTo(("Tỷ lệ so với sức chứa", "108%")));
        Assert.That(EvidenceText.Metric(present, vi), Is.EqualTo(("Số người đang có mặt", "3.240 người")));
        Assert.That(EvidenceText.Metric(open, vi), Is.EqualTo(("Phố đi bộ đang mở", "Có")));

        var en = Words(context, "en-US");
        Assert.That(EvidenceText.Metric(ratio, en), Is.EqualTo(("Share of capacity", "108%")));
        Assert.That(EvidenceText.Metric(present, en), Is.EqualTo(("People present", "3,240 people")));
        Assert.That(EvidenceText.Metric(open, en), Is.EqualTo(("Walking street open", "Yes")));
        Assert.That(EvidenceText.Metric(new AlertEvidence("fl-1", "mysteryIndex", 27.5, null), en), Is.EqualTo(("mysteryIndex", "27.5")), "a metric without a label keeps its name");
    }

    [Test]
    public void Evidence_PlaceOfAWalkingStreetOrACounter_IsItsName()
    {
        Assert.That(EvidenceText.Place("ws-ho-guom", Catalog, english: false), Is.EqualTo("Không gian đi bộ hồ Hoàn Kiếm"));
        Assert.That(EvidenceText.Place("ws-cho-dem-dong-xuan", Catalog, english: true), Is.EqualTo("Hang Dao – Dong Xuan walking street (night market)"));
        Assert.That(EvidenceText.Place("vc-van-mieu", Catalog, english: true), Is.EqualTo("Temple of Literature"));
        Assert.That(EvidenceText.Place("al-123", Catalog, english: true), Is.Null);
    }

    /// <summary>A moment in city time (UTC+7) as the instant it is.</summary>
    private static DateTimeOffset Hanoi(int year, int month, int day, int hour, int minute = 0) =>
        new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(7)).ToUniversalTime();

    [Test]
    public void WalkingStreet_FridayEvening_OpenUntilItsClose()
    {
        using var context = Context();
        var friday = Hanoi(2026, 11, 27, 20, 15);
        var lake = WalkingStreetLine.Of(Catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom"), friday, Words(context, "vi-VN"), false);
        Assert.That((lake.Open, lake.Label), Is.EqualTo((true, "Không gian đi bộ hồ Hoàn Kiếm — Đang mở cho người đi bộ đến 24:00 Chủ Nhật")));
        var market = WalkingStreetLine.Of(Catalog.WalkingStreets.Single(w => w.Id == "ws-cho-dem-dong-xuan"), friday, Words(context, "en-US"), true);
        Assert.That((market.Open, market.Label), Is.EqualTo((true, "Hang Dao – Dong Xuan walking street (night market) — Open to walkers until 23:00")));
        Assert.That(lake.Path, Has.Count.EqualTo(10));
    }

    [Test]
    public void WalkingStreet_MondayMorning_ClosedUntilItOpens()
    {
        using var context = Context();
        var monday = Hanoi(2026, 11, 30, 9);
        var lake = WalkingStreetLine.Of(Catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom"), monday, Words(context, "vi-VN"), false);
        Assert.That((lake.Open, lake.Label), Is.EqualTo((false, "Không gian đi bộ hồ Hoàn Kiếm — Mở lại 19:00 Thứ Sáu")));
        var lakeEn = WalkingStreetLine.Of(Catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom"), monday, Words(context, "en-US"), true);
        Assert.That(lakeEn.Label, Is.EqualTo("Hoan Kiem Lake walking space — Opens Friday 19:00"));
        var saturdayNoon = WalkingStreetLine.Of(Catalog.WalkingStreets.Single(w => w.Id == "ws-cho-dem-dong-xuan"), Hanoi(2026, 11, 28, 12), Words(context, "en-US"), true);
        Assert.That((saturdayNoon.Open, saturdayNoon.Label), Is.EqualTo((false, "Hang Dao – Dong Xuan walking street (night market) — Opens 19:00")));
    }
}
