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

    private HostProcess(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }

    public static async Task<HostProcess> Start(string dataDirectory)
    {
        var port = FreePorts.Next();
        var url = $"http://127.0.0.1:{port}";
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ControlCenter.Host.dll"), "--urls", url])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__DataDirectory"] = dataDirectory;
        start.Environment["Orleans__SiloPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePorts.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Ingest__Keys__0__Name"] = "crash-test";
        start.Environment["Ingest__Keys__0__Key"] = CityHost.DevKey;
        start.Environment["Auth__Users__0__Username"] = "admin";
        start.Environment["Auth__Users__0__Role"] = "admin";
        start.Environment["Auth__Users__0__PasswordHash"] = People.UserDirectory.Hash("crash-test-admin");
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host process");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var host = new HostProcess(process, url);
        using var client = host.Client();
        await Eventually.Until(async () =>
        {
            try { return (await client.GetAsync("/health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
        }, ready => ready || process.HasExited, "the host process to report ready", TimeSpan.FromSeconds(60));
        Assert.That(process.HasExited, Is.False, "the host process exited during start-up");
        return host;
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

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await Kill();
        _process.Dispose();
    }
}
