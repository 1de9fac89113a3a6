using System.Net.Http.Json;
using ControlCenter.Domain;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>
/// The walking streets on the wall in a real browser, on a fake city clock: closed on a Thursday evening, open a day
/// later, and the open wall follows the change without a reload; in either language.
/// </summary>
public class WallWalkingStreetTests : SqliteHostFixture
{
    // Readings carry real time, so the city clock stays behind it: the last Friday 20:00 in Hanoi, less a day.
    private readonly FakeTimeProvider _clock = new(LastFridayEvening().AddDays(-1));
    private Browser _browser = null!;

    protected override bool WithKestrel => true;

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    [OneTimeSetUp]
    public async Task LaunchBrowser() => _browser = await Browser.Launch();

    [OneTimeTearDown]
    public async Task CloseBrowser() => await _browser.DisposeAsync();

    private static DateTimeOffset LastFridayEvening()
    {
        var local = CityTime.Local(DateTimeOffset.UtcNow);
        var evening = new DateTimeOffset(local.Date.AddHours(20), local.Offset);
        while (evening.DayOfWeek != DayOfWeek.Friday || evening > local) evening = evening.AddDays(-1);
        return evening;
    }

    [Test]
    public async Task WalkingStreets_ClosedThursday_OpenFridayEvening_TheWallFollows_InBothLanguages()
    {
        var page = await _browser.SignedIn(Host.ServerAddress, "viewer");
        var lake = page.Locator("#wall-map path.cc-walking[data-walking-street='ws-ho-guom']");
        var market = page.Locator("#wall-map path.cc-walking[data-walking-street='ws-cho-dem-dong-xuan']");
        await Assertions.Expect(lake).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(market).ToHaveAttributeAsync("data-open", "false");
        await Assertions.Expect(lake).Not.ToHaveAttributeAsync("stroke-dasharray", "12 8");
        await Assertions.Expect(page.Locator("#wall-map [data-walking-label='ws-ho-guom']")).ToHaveTextAsync("Không gian đi bộ hồ Hoàn Kiếm — Mở lại 19:00 Thứ Sáu");

        _clock.Advance(TimeSpan.FromDays(1));
        // Any delivery redraws the map; the wall's own minute tick would too, a minute later.
        using (var gateway = Host.Ingester())
        using (var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("vc-van-mieu", DateTimeOffset.UtcNow, new { entries = 40, present = 900 }))))
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));

        await Assertions.Expect(lake).ToHaveAttributeAsync("data-open", "true");
        await Assertions.Expect(lake).ToHaveAttributeAsync("stroke-dasharray", "12 8");
        await Assertions.Expect(page.Locator("#wall-map [data-walking-label='ws-ho-guom']")).ToHaveTextAsync("Không gian đi bộ hồ Hoàn Kiếm — Đang mở cho người đi bộ đến 24:00 Chủ Nhật");
        await Assertions.Expect(page.Locator("#wall-map [data-walking-label='ws-cho-dem-dong-xuan']")).ToHaveTextAsync("Phố đi bộ Hàng Đào – Đồng Xuân (chợ đêm) — Đang mở cho người đi bộ đến 23:00");

        await page.ClickAsync("#language");
        await Assertions.Expect(page.Locator("#wall-map [data-walking-label='ws-ho-guom']")).ToHaveTextAsync("Hoan Kiem Lake walking space — Open to walkers until Sunday 24:00");
        await page.Context.CloseAsync();
    }
}
