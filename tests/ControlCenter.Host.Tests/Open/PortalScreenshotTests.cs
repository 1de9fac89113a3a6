using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The portal on a phone and a desktop with a living city: a few compressed minutes of the simulator's normal day,
/// a flooded street and a public warning in force. Its own host, since the simulator's day would replace the
/// figures <see cref="PortalTests"/> checks. ops/portal-screenshot.sh runs it with CONTROLCENTER_PORTAL_SCREENSHOTS
/// set to docs/ to refresh portal-phone.png and portal-desktop.png; otherwise the pictures go to the test's folder.
/// </summary>
public class PortalScreenshotTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    [Test]
    public async Task Screenshots_PhoneAndDesktop()
    {
        var folder = Environment.GetEnvironmentVariable("CONTROLCENTER_PORTAL_SCREENSHOTS") is { Length: > 0 } configured ? configured : Data.Path;
        using var output = new StringWriter();
        await ControlCenter.Simulator.SimulatorCommand.Run(["normal", "--url", Host.ServerAddress.ToString(), "--speed", "60", "--duration", "4"], output, CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        using (var gateway = Host.Ingester())
        {
            using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(
                Json.Reading("fl-ly-thuong-kiet", now, new { depthCm = 24 }), Json.Reading("fl-tran-hung-dao", now, new { depthCm = 13 }),
                Json.Reading("rg-hoan-kiem", now, new { rainMm = 9 })));
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
        }

        using var op = await Host.SignedIn("operator");
        using var raised = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Ngập sâu Lý Thường Kiệt", severity = "major", zoneId = "hoan-kiem" });
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using (var published = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new
        {
            title = "Ngập sâu phố Lý Thường Kiệt (đoạn Quán Sứ)", titleEn = "Deep water on Ly Thuong Kiet Street (Quan Su end)",
            text = "Nước sâu khoảng 25 cm, xe máy dễ chết máy. Tạm thời cấm phương tiện; hãy đi đường Trần Hưng Đạo.",
            textEn = "About 25 cm of water; motorbikes stall. Closed to traffic for now: use Tran Hung Dao Street.",
        })) published.EnsureSuccessStatusCode();

        await using var browser = await Browser.Launch();
        foreach (var (name, width, height) in new[] { ("portal-phone.png", 390, 844), ("portal-desktop.png", 1920, 1080) })
        {
            var context = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
            {
                ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = Host.ServerAddress.ToString(),
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/cong-thong-tin");
            await Assertions.Expect(page.Locator($"[data-testid=warning][data-warning-id='{id}']")).ToBeVisibleAsync(new() { Timeout = 12_000 });
            await Assertions.Expect(page.Locator("[data-testid=air-station][data-stale=false]")).ToHaveCountAsync(10);
            await Assertions.Expect(page.Locator("[data-testid=flood-point][data-station-id='fl-ly-thuong-kiet']")).ToHaveAttributeAsync("data-closed", "true");
            await Assertions.Expect(page.Locator("#air-map .basemap-label").First).ToBeVisibleAsync();
            var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name) });
            Assert.That(png, Has.Length.GreaterThan(30_000), $"a real picture of the portal ({name})");
            await context.CloseAsync();
        }
    }
}
