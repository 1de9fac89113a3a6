using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// The host as a real operating-system process, so a test can kill it without warning (SIGKILL) and see
/// what a crash loses. Configuration goes in through environment variables, as in production.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly string _folder;
    private readonly ConcurrentQueue<string> _output = new();

    private HostProcess(Process process, string url, IReadOnlyDictionary<string, string> environment, string folder, ConcurrentQueue<string> output)
    {
        _process = process;
        Url = url;
        _environment = environment;
        _folder = folder;
        Output = output;
    }

    /// <summary>The first lines the process wrote to standard output (its console log), at most <see cref="OutputLines"/>.</summary>
    public ConcurrentQueue<string> Output { get; }

    private const int OutputLines = 500;

    public string Url { get; }

    /// <summary>The silo's port in the cluster, the same after a restart.</summary>
    public int SiloPort => int.Parse(_environment["Orleans__SiloPort"], CultureInfo.InvariantCulture);

    public bool HasExited => _process.HasExited;

    /// <summary>The process's latest console lines (its log), for a failing test's message.</summary>
    public string RecentOutput => string.Join('\n', _output);

    /// <summary>The port of the host's MQTT broker (loopback), the same after a restart.</summary>
    public int MqttPort => int.Parse(_environment["Mqtt__Port"], CultureInfo.InvariantCulture);

    /// <summary>On the embedded profile, with its SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static Task<HostProcess> Start(string dataDirectory, params (string Name, string Value)[] extra) =>
        Start(Environment([("Storage__Provider", "Sqlite"), ("Storage__DataDirectory", dataDirectory), .. extra]));

    /// <summary>On the production profile's database (one silo, ADO.NET clustering).</summary>
    public static Task<HostProcess> StartOnPostgreSql(string connectionString, params (string Name, string Value)[] extra) =>
        Start(Environment([("Storage__Provider", "PostgreSql"), ("Storage__ConnectionString", connectionString), .. extra]));

    /// <summary>
    /// The production profile run from a <c>dotnet publish</c> folder, as the image runs it (Dockerfile): its own
    /// ControlCenter.Host.dll and working directory, configuration from environment variables only.
    /// </summary>
    public static Task<HostProcess> StartPublished(string folder, string connectionString) =>
        Start(Environment(("Storage__Provider", "PostgreSql"), ("Storage__ConnectionString", connectionString)), folder);

    /// <summary>On the production profile's database with more settings (e.g. one silo of a <see cref="HostCluster"/>): its own ports.</summary>
    public static Task<HostProcess> StartOnPostgreSql(string connectionString, IEnumerable<(string Name, string Value)> settings) =>
        Start(Environment([("Storage__Provider", "PostgreSql"), ("Storage__ConnectionString", connectionString), .. settings]));

    /// <summary>
    /// The same host started again after it died: same address (gateways find it again), same silo ports (a silo
    /// that finds its own older generation in the membership table declares it dead at once), same storage.
    /// </summary>
    /// <param name="changes">Environment variables that differ for the new process (a pod's fresh HOME).</param>
    public Task<HostProcess> Restart(params (string Name, string Value)[] changes)
    {
        var environment = new Dictionary<string, string>(_environment);
        foreach (var (name, value) in changes) environment[name] = value;
        return Start(environment, _folder);
    }

    private static Dictionary<string, string> Environment(params (string Name, string Value)[] storage)
    {
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePorts.Next()}",
            ["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Mqtt__Port"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture),
            ["Ingest__Keys__0__Name"] = "crash-test",
            ["Ingest__Keys__0__Key"] = CityHost.DevKey,
            // The load generator sends far more requests a second than a field gateway.
            ["Ingest__Keys__0__RequestsPerSecond"] = "10000",
            ["Auth__Users__0__Username"] = "admin",
            ["Auth__Users__0__Role"] = "admin",
            ["Auth__Users__0__PasswordHash"] = ControlCenter.Host.People.UserDirectory.Hash("crash-test-admin"),
        };
        foreach (var (name, value) in storage) environment[name] = value;
        return environment;
    }

    private static async Task<HostProcess> Start(Dictionary<string, string> environment, string? folder = null)
    {
        folder ??= AppContext.BaseDirectory;
        var url = environment["ASPNETCORE_URLS"];
        var start = new ProcessStartInfo("dotnet", [Path.Combine(folder, "ControlCenter.Host.dll")])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment) start.Environment[name] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host process");
        var output = new ConcurrentQueue<string>();
        var host = new HostProcess(process, url, environment, folder, output);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } text && output.Count < OutputLines) output.Enqueue(text);
            host.Keep(e.Data);
        };
        process.ErrorDataReceived += (_, e) => host.Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = host.Client();
        var answer = await Eventually.Until(async () =>
        {
            if (process.HasExited) return "exited";
            // Not too often: a probe that fails is an error line in the host's log, and the host is short of CPU as it starts.
            await Task.Delay(ProbeInterval);
            try
            {
                using var response = await client.GetAsync("/health/ready");
                return response.IsSuccessStatusCode ? "ready" : await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException ex) { return ex.Message; }
        }, answer => answer is "ready" or "exited", "the host process to report ready", TimeSpan.FromSeconds(90));
        if (answer == "exited")
        {
            // The last lines (often the reason) are still in the pipes when the process is gone: read them to the end.
            await process.WaitForExitAsync();
            Assert.Fail($"the host process exited during start-up with code {process.ExitCode}:\n{host.LogWithoutProbes}");
        }

        return host;
    }

    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>The latest lines of the log but the readiness checks' own reports, which drown out the rest while a host starts.</summary>
    public string LogWithoutProbes => string.Join('\n', _output.Where(line => !line.Contains("HealthChecks.DefaultHealthCheckService", StringComparison.Ordinal)).TakeLast(200));

    private void Keep(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 2000) _output.TryDequeue(out _);
    }

    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = new Uri(Url) };
        client.DefaultRequestHeaders.Add("X-Api-Key", CityHost.DevKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flush, exactly like a power cut for this process.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM: the graceful stop an orchestrator gives (the silo leaves the cluster, Kestrel drains).</summary>
    public async Task Stop()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)])) await term!.WaitForExitAsync();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        await _process.WaitForExitAsync(patience.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await Kill();
        _process.Dispose();
    }
}
