using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using ControlCenter.Simulator.Load;

namespace ControlCenter.Bench.Suite;

/// <summary>Runs the simulator's <c>load</c> mode as its own process (its CPU and GC stay apart from the driver's probes).</summary>
public static class LoadProcess
{
    public static async Task<LoadResult> Run(BenchPaths paths, Uri url, string key, LoadPlan plan)
    {
        var json = Path.Combine(paths.WorkDirectory, $"load-{Guid.NewGuid():N}.json");
        string Text(double v) => v.ToString(CultureInfo.InvariantCulture);
        List<string> arguments =
            [paths.SimulatorDll, "load", "--url", url.ToString(), "--key", key, "--sensors", Text(plan.Sensors), "--rate", Text(plan.Rate),
             "--duration", Text(plan.Seconds), "--batch", Text(plan.BatchSize), "--senders", Text(plan.Senders), "--json", json];
        if (plan.Mqtt is { } broker)
            arguments.AddRange(["--mqtt", $"{broker.Host}:{Text(broker.Port)}", "--key-name", BenchSettings.IngestKeyName, "--connections", Text(plan.Senders)]);
        var start = new ProcessStartInfo("dotnet", arguments);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the simulator.");
        await process.WaitForExitAsync();
        if (!File.Exists(json)) throw new InvalidOperationException($"The load run failed (exit {process.ExitCode}).");
        return JsonSerializer.Deserialize<LoadResult>(await File.ReadAllTextAsync(json))!;
    }
}

/// <summary>
/// One load run: sensors, target rate (0: unpaced), seconds, batch size, concurrent senders. With <see cref="Mqtt"/>
/// the senders are gateway connections to that broker and a batch is one sensor's readings in one message.
/// </summary>
public sealed record LoadPlan(int Sensors, int Rate, int Seconds, int BatchSize = 500, int Senders = 4, DnsEndPoint? Mqtt = null);
