using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;

namespace ControlCenter.Bench.Soak;

/// <summary>
/// What <c>ops/soak</c> attaches to a cluster for its whole run: feed subscribers spread over the silos (each on one
/// zone, reconnecting and re-subscribing by themselves, as live-feed.md tells integrators) and one wall in Chromium,
/// signed in as the viewer. At the end it writes what they saw: states, lag notices, reconnects, connections lost for
/// good, the feed's latency, and whether the wall still showed a live map.
/// </summary>
public sealed class SoakClients(IReadOnlyList<Uri> silos, string feedToken)
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly List<HubConnection> _connections = [];
    private readonly List<double> _latencyMs = [];
    private readonly Lock _gate = new();
    private long _states, _lagging, _reconnects, _closed;

    public async Task<SoakClientsResult> Run(int subscribers, TimeSpan duration, string? wallUser)
    {
        var zones = await Zones();
        for (var i = 0; i < subscribers; i++) await Open(silos[i % silos.Count], zones[i % zones.Count]);

        await using var wall = wallUser is null ? null : await Wall.Open(silos[0], wallUser);
        Console.WriteLine($"soak-clients: {subscribers} subscribers{(wall is null ? "" : " and the wall")} attached");
        await Task.Delay(duration);
        var wallLive = wall is null ? (bool?)null : await wall.ShowsLiveMap();
        var closed = Interlocked.Read(ref _closed);   // before this run's own disposals close them
        foreach (var connection in _connections) await connection.DisposeAsync();

        double[] sorted;
        lock (_gate) sorted = [.. _latencyMs.Order()];
        double P(double p) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];
        return new SoakClientsResult(subscribers, Interlocked.Read(ref _states), Interlocked.Read(ref _lagging), Interlocked.Read(ref _reconnects),
            closed, P(0.5), P(0.99), wallLive, wall?.ConsoleErrors ?? 0, wall?.FirstConsoleErrors ?? []);
    }

    private async Task<List<string>> Zones()
    {
        using var http = new HttpClient { BaseAddress = silos[0] };
        http.DefaultRequestHeaders.Authorization = new("Bearer", feedToken);
        var catalog = await http.GetFromJsonAsync<JsonElement>("/api/v1/catalog");
        return [.. catalog.GetProperty("zones").EnumerateArray().Select(z => z.GetProperty("id").GetString()!)];
    }

    private async Task Open(Uri silo, string zone)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(silo, "/hubs/live"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(feedToken))
            .WithAutomaticReconnect()
            .Build();
        connection.On<JsonElement>("state", OnState);
        connection.On<JsonElement>("lagging", _ => Interlocked.Increment(ref _lagging));
        connection.Reconnected += async _ =>
        {
            Interlocked.Increment(ref _reconnects);
            await connection.InvokeAsync<JsonElement>("Subscribe", new[] { $"zone:{zone}" });
        };
        connection.Closed += _ =>
        {
            Interlocked.Increment(ref _closed);
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync<JsonElement>("Subscribe", new[] { $"zone:{zone}" });
        _connections.Add(connection);
    }

    private void OnState(JsonElement state)
    {
        var arrived = DateTimeOffset.UtcNow;
        Interlocked.Increment(ref _states);
        if (state.GetProperty("ts").ValueKind != JsonValueKind.String || !state.TryGetProperty("kind", out _)) return;
        var latency = (arrived - state.GetProperty("ts").GetDateTimeOffset()).TotalMilliseconds;
        // Only readings of the run itself (a sensor's ts is its reading's); aggregates' ts trail by design.
        if (latency is >= 0 and < 60_000) lock (_gate) _latencyMs.Add(latency);
    }

    /// <summary>The wall in Debian's Chromium (Playwright's own driver; never `playwright install`), signed in.</summary>
    private sealed class Wall(IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        private int _consoleErrors;
        private readonly List<string> _firstConsoleErrors = [];

        public int ConsoleErrors => Volatile.Read(ref _consoleErrors);

        /// <summary>The first few errors' texts, so a report can say what they were, not only how many.</summary>
        public string[] FirstConsoleErrors { get { lock (_firstConsoleErrors) return [.. _firstConsoleErrors]; } }

        private void OnConsole(IConsoleMessage message)
        {
            if (message.Type != "error") return;
            Interlocked.Increment(ref _consoleErrors);
            lock (_firstConsoleErrors) if (_firstConsoleErrors.Count < 5) _firstConsoleErrors.Add($"{message.Location}: {message.Text}");
        }

        public static async Task<Wall> Open(Uri silo, string user)
        {
            var playwright = await Playwright.CreateAsync();
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumPath,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
            var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 }, BaseURL = silo.ToString() });
            var page = await context.NewPageAsync();
            var wall = new Wall(playwright, browser, page);
            page.Console += (_, message) => wall.OnConsole(message);
            await page.GotoAsync("/login");
            await page.FillAsync("#username", user);
            await page.FillAsync("#password", $"{user}-hanoi");
            await page.ClickAsync("#login-submit");
            await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
            await page.Locator(".cc-marker").First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
            return wall;
        }

        public async Task<bool> ShowsLiveMap() => await page.Locator(".cc-marker").CountAsync() > 0;

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}

/// <summary>What the soak's clients saw; written as JSON for ops/soak.</summary>
public sealed record SoakClientsResult(
    int Subscribers, long States, long Lagging, long Reconnects, long ClosedForGood, double LatencyP50Ms, double LatencyP99Ms, bool? WallLive, int WallConsoleErrors, string[] WallFirstConsoleErrors)
{
    public string ToJson() => JsonSerializer.Serialize(this);
}
