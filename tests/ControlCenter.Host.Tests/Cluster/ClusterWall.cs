using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace ControlCenter.Host.Tests.Cluster;

/// <summary>
/// A wall in real Chromium, signed in as the cluster's viewer on one silo and left alone while that silo restarts: the
/// test never reloads it, so whatever brings it back is the page's own reconnection (Wall/App.razor.js).
/// </summary>
public sealed partial class ClusterWall : IAsyncDisposable
{
    private readonly Browser _browser;
    private readonly IPage _page;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _console = new();

    private ClusterWall(Browser browser, IPage page)
    {
        _browser = browser;
        _page = page;
        // Blazor logs each reconnection attempt and rejection to the console: what a failing test's message needs.
        _page.Console += (_, message) => _console.Enqueue($"{DateTime.UtcNow:HH:mm:ss.f} {message.Type}: {message.Text}");
    }

    private ILocator Reconnecting => _page.Locator("#components-reconnect-modal");

    public static async Task<ClusterWall> Open(HostProcess silo)
    {
        var browser = await Browser.Launch();
        try
        {
            return new ClusterWall(browser, await browser.SignedIn(new Uri(silo.Url), HostCluster.Viewer));
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Its silo is gone: the wall says so over the map instead of passing a frozen picture off as live.</summary>
    public Task SaysItIsDisconnected() => Explained(() => Assertions.Expect(Reconnecting).ToBeVisibleAsync(new() { Timeout = 30_000 }));

    /// <summary>
    /// Its silo is back: within <paramref name="within"/> the wall is live again on the same address, still signed in
    /// (the cookie's keys are the cluster's, in the database), with no disconnection notice left over the map.
    /// </summary>
    public Task IsLiveAgain(TimeSpan within) => Explained(async () =>
    {
        var timeout = (float)within.TotalMilliseconds;
        await Assertions.Expect(Reconnecting).ToBeHiddenAsync(new() { Timeout = timeout });
        await Assertions.Expect(_page.Locator("#connection")).ToHaveTextAsync("Trực tiếp", new() { Timeout = timeout });
        await Assertions.Expect(_page.Locator("#connection")).ToHaveClassAsync(LiveClass(), new() { Timeout = timeout });
        await Assertions.Expect(_page).ToHaveURLAsync(WallAddress());
    });

    /// <summary>A flood reading ingested through <paramref name="gateway"/> now shows on the wall's map as its depth.</summary>
    public Task ShowsOnTheMap(HostProcess gateway, string floodSensor, int depthCm) => Explained(async () =>
    {
        using (var client = gateway.Client())
        using (var response = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading(floodSensor, DateTimeOffset.UtcNow, new { depthCm }))))
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());

        await Assertions.Expect(_page.Locator($"#wall-map [data-entity='{floodSensor}']")).ToHaveTextAsync(depthCm.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 30_000 });
        await Assertions.Expect(_page.Locator("#connection")).ToHaveClassAsync(LiveClass());
    });

    private async Task Explained(Func<Task> expectation)
    {
        try
        {
            await expectation();
        }
        catch
        {
            await TestContext.Out.WriteLineAsync($"--- the wall's console ---\n{string.Join('\n', _console)}");
            throw;
        }
    }

    [GeneratedRegex(@"\bcc-live-ok\b")]
    private static partial Regex LiveClass();

    [GeneratedRegex(@"^http://[^/]+/$")]
    private static partial Regex WallAddress();

    public async ValueTask DisposeAsync() => await _browser.DisposeAsync();
}
