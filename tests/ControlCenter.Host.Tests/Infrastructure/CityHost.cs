using System.Net.Http.Json;
using ControlCenter.Contracts.Messages;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// The real host (silo, ingest, APIs) in process, on the storage profile a test chooses. Several may run at
/// once (two silos on PostgreSQL): each gets its own silo and gateway ports.
/// </summary>
public sealed class CityHost : WebApplicationFactory<Program>
{
    public const string DevKey = "dev-ingest-key-hanoi";
    public const string TayHoKey = "tay-ho-only-key";
    public const string FeedToken = "dev-feed-token-hanoi";
    public const string ParkingOnlyToken = "parking-only-token";

    /// <summary>Where slow stops are reported besides the run's detailed output (set by ops/test.sh).</summary>
    public const string SlowStopsFile = "CONTROLCENTER_SLOW_STOPS";

    /// <summary>A cancelled stop this late ran out the host's budget (Orleans:ShutdownTimeout, 30 s), not failed.</summary>
    private static readonly TimeSpan BudgetRunOut = TimeSpan.FromSeconds(25);

    /// <summary>A stop slower than this prints what the host logged while stopping.</summary>
    private static readonly TimeSpan SlowStop = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, string?> _settings;
    private readonly HostLogTail _log = new();
    private Action<IServiceCollection>? _services;

    private CityHost(Dictionary<string, string?> settings) => _settings = settings;

    public static CityHost OnSqlite(string dataDirectory, params (string Key, string Value)[] extra) =>
        new(Settings(extra, ("Storage:Provider", "Sqlite"), ("Storage:DataDirectory", dataDirectory)));

    public static CityHost OnPostgreSql(string connectionString, params (string Key, string Value)[] extra) =>
        new(Settings(extra, ("Storage:Provider", "PostgreSql"), ("Storage:ConnectionString", connectionString)));

    private static Dictionary<string, string?> Settings((string, string)[] extra, params (string Key, string Value)[] storage)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mqtt:Port"] = FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:HealthCheckPeriod"] = "00:00:01",
            ["Orleans:AggregateFlushPeriod"] = "00:00:00.100",
            ["History:FlushInterval"] = "00:00:00.100",
            ["Orleans:RuleEvaluationPeriod"] = "00:00:00.250",
            ["Ingest:Keys:1:Name"] = "tay-ho-gateway",
            ["Ingest:Keys:1:Key"] = TayHoKey,
            ["Ingest:Keys:1:Zones:0"] = "tay-ho",
            ["Feed:Tokens:1:Name"] = "parking-app",
            ["Feed:Tokens:1:Token"] = ParkingOnlyToken,
            ["Feed:Tokens:1:Topics:0"] = "parking",
            ["Feed:Tokens:1:Topics:1"] = "entity:*",
            // The test server has no remote address: every test client is one "client" of the open data API.
            ["OpenData:RequestsPerSecondPerClient"] = "2000",
            // Likewise one client of the login's per-client limit; the tests of that limit set their own.
            ["Auth:LoginsPerMinutePerClient"] = "60000",
            ["Auth:LoginBurstPerClient"] = "1000",
            // Development loads the e-government sample at start; tests that want it ask for it.
            ["Egov:SampleFile"] = "",
        };
        foreach (var (key, value) in storage.Concat(extra)) settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.AddProvider(_log);
            logging.AddFilter<HostLogTail>(null, LogLevel.Warning);
            foreach (var category in HostLogTail.ShutdownCategories) logging.AddFilter<HostLogTail>(category, LogLevel.Debug);
        });
        if (_services is { } services) builder.ConfigureServices(services);
        builder.ConfigureServices(TimedHostedServices.Wrap);
    }

    /// <summary>
    /// Stops the host. A slow stop writes the host's last log lines (each service's stop time, the silo's stages) to the
    /// run's detailed output and to the file ops/test.sh prints at the end. A stop that ran out its whole budget
    /// (Orleans:ShutdownTimeout) is reported the same way and does not fail the fixture: something in the host then
    /// waited for the deadline (seen in CI and in a clean run, not yet found), and which of the two concurrent
    /// stops (the factory's and Program's app.Run) is left holding the cancelled silo is chance. Any other failure
    /// to stop fails, carrying the same lines.
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        var stopping = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await base.DisposeAsync();
        }
        catch (OperationCanceledException) when (stopping.Elapsed >= BudgetRunOut)
        {
            await Report($"ran out of its stop budget after {stopping.Elapsed.TotalSeconds:F1} s");
            return;
        }
        catch (Exception ex)
        {
            throw new InvalidOperationException($"The test host failed to stop after {stopping.Elapsed.TotalSeconds:F1} s. Its last log lines:{Environment.NewLine}{_log.Text}", ex);
        }

        if (stopping.Elapsed > SlowStop) await Report($"took {stopping.Elapsed.TotalSeconds:F1} s to stop");
    }

    private async Task Report(string what)
    {
        var report = $"{TestContext.CurrentContext.Test.FullName}: the test host {what}. Its last log lines:{Environment.NewLine}{_log.Text}{Environment.NewLine}";
        await TestContext.Progress.WriteLineAsync(report);
        // ops/test.sh names a file for these and prints it after the run: CI shows that, not the detailed output.
        if (Environment.GetEnvironmentVariable(SlowStopsFile) is { Length: > 0 } file) await File.AppendAllTextAsync(file, report);
    }

    /// <summary>Replaces services after the host's own registrations (a fake city clock), before it starts.</summary>
    public CityHost WithServices(Action<IServiceCollection> services)
    {
        _services += services;
        return this;
    }

    /// <summary>A client signed in with the login cookie as one of the seeded development users (password "{name}-hanoi").</summary>
    public async Task<HttpClient> SignedIn(string user)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = user, password = $"{user}-hanoi" });
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The port of this host's MQTT broker (loopback).</summary>
    public int MqttPort => int.Parse(_settings["Mqtt:Port"]!, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Serves on a real loopback port (Kestrel), for SignalR clients and browsers.</summary>
    public CityHost WithKestrel()
    {
        UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        return this;
    }

    public Uri ServerAddress =>
        new(Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses.First());

    /// <summary>Clients made by the factory read as a system with the development feed token, unless a test removes it.</summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FeedToken);
    }

    /// <summary>A client with no credentials at all.</summary>
    public HttpClient Anonymous()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = null;
        return client;
    }

    public HttpClient Ingester(string key = DevKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public async Task<EntityState> Entity(string id)
    {
        using var client = CreateClient();
        return (await client.GetFromJsonAsync<EntityState>($"/api/v1/entities/{id}", Json.Options))!;
    }

    /// <summary>Waits until the host reports ready (silo up, city model active, database answering).</summary>
    public async Task WaitUntilReady()
    {
        using var client = CreateClient();
        await Eventually.Until(async () => (await client.GetAsync("/health/ready")).StatusCode,
            s => s == System.Net.HttpStatusCode.OK, "/health/ready to answer 200", TimeSpan.FromSeconds(60));
    }
}
