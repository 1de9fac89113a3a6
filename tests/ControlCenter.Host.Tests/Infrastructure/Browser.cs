using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (installed by ops/test.sh), driven by Playwright's own driver from its NuGet package; the
/// flags keep it from reaching for the network this machine does not have. Never `playwright install`.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    public static async Task<Browser> Launch()
    {
        if (!File.Exists(ChromiumPath)) Assert.Fail($"{ChromiumPath} is missing: run the README's test command (ops/test.sh), which installs Debian's chromium.");
        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>A fresh browser context (its own cookies) at wall size, signed in through the login form.</summary>
    public async Task<IPage> SignedIn(Uri server, string user, int width = 1920, int height = 1080)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = height }, BaseURL = server.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", user);
        await page.FillAsync("#password", $"{user}-hanoi");
        await page.ClickAsync("#login-submit");
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        // The live circuit is up once the map has drawn its markers.
        await page.Locator(".cc-marker").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 30_000 });
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }
}
