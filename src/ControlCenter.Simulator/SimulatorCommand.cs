using ControlCenter.Scenarios;
using ControlCenter.Scenarios.Day;
using ControlCenter.Scenarios.Ingest;
using ControlCenter.Simulator.Load;
using ControlCenter.Simulator.Replay;

namespace ControlCenter.Simulator;

/// <summary>
/// <c>ControlCenter.Simulator normal|scenario|replay|catalog|load …</c>: feeds a control centre over its public
/// ingest API, as real gateways would.
/// </summary>
public static class SimulatorCommand
{
    public const string Usage =
        "usage: ControlCenter.Simulator normal [--url http://127.0.0.1:5080] [--key KEY] [--app-key KEY|off] [--speed 1] [--duration SECONDS] [--seed 1]\n"
        + "       ControlCenter.Simulator scenario NAME|list [--speed 1] [--check] [--then stop] [--url URL] [--key KEY] [--seed 1]\n"
        + "         (shipped: monsoon-storm, rush-hour, winter-smog, west-lake-oxygen-crash, zone-outage, tet-festival, walking-street-storm; or a scenario file's path)\n"
        + "       ControlCenter.Simulator replay --mapping hanoi-pm25-2017|birmingham-parking-2016|FILE --data ../shared/data [--skip ROWS] [--rows ROWS] [--url URL] [--key KEY]\n"
        + "       ControlCenter.Simulator catalog --multiply K --out FILE [--from CATALOG_FILE | --url URL]\n"
        + "       ControlCenter.Simulator load [--sensors N] [--rate READINGS_PER_S (0: as fast as answered)] [--duration SECONDS] [--batch 500] [--senders 4] [--json FILE] [--resend-for SECONDS] [--ledger FILE] [--url URL] [--key KEY]\n"
        + "         [--mqtt HOST:PORT --key-name NAME [--connections 32]]  (over MQTT: one sensor's --batch readings per message, default 10; the catalogue still comes over HTTP)";

    public static async Task<int> Run(string[] args, TextWriter output, CancellationToken cancellationToken, HttpMessageHandler? handler = null)
    {
        if (args.Length == 0 || args[0] is not ("normal" or "scenario" or "replay" or "catalog" or "load"))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var scenarioName = args[0] == "scenario" && args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : null;
        if (args[0] == "scenario" && scenarioName is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var options = Options(args.Skip(scenarioName is null ? 1 : 2).ToArray());
        if (options is null)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var url = options.GetValueOrDefault("url", Environment.GetEnvironmentVariable("CONTROLCENTER_URL") ?? "http://127.0.0.1:5080");
        var key = options.GetValueOrDefault("key", Environment.GetEnvironmentVariable("CONTROLCENTER_INGEST_KEY") ?? "dev-ingest-key-hanoi");
        using var http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        http.BaseAddress = new Uri(url);
        var client = new IngestClient(http, key, new IngestReport());
        switch (args[0])
        {
            case "replay": return await ReplayFile(options, client, output, cancellationToken);
            case "catalog": return await MultiplyCatalog(options, http, key, output, cancellationToken);
            case "load": return await RunLoad(options, client, key, output, cancellationToken);
            case "scenario" when scenarioName == "list":
                foreach (var name in Scenario.Names) await output.WriteLineAsync($"{name}: {Scenario.Load(name).TitleEn}");
                return 0;
        }

        if (!double.TryParse(options.GetValueOrDefault("speed", "1"), System.Globalization.CultureInfo.InvariantCulture, out var speed) || speed <= 0)
        {
            await output.WriteLineAsync("--speed must be a positive number");
            return 2;
        }

        TimeSpan? duration = options.TryGetValue("duration", out var seconds) && int.TryParse(seconds, out var s) ? TimeSpan.FromSeconds(s) : null;
        var seed = options.TryGetValue("seed", out var seedText) && int.TryParse(seedText, out var n) ? n : 1;

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        if (scenarioName is not null) return await PlayScenario(scenarioName, options, http, key, client, speed, seed, output, stop.Token);
        try
        {
            var drivers = options.GetValueOrDefault("app-key", ParkingDrivers.DevelopmentAppKey) is { Length: > 0 } appKey && appKey != "off"
                ? new ParkingDrivers(http, appKey, (await client.Catalog(stop.Token)).ParkingLots, seed) : null;
            await new DayRunner(client, TimeProvider.System, drivers: drivers).Run(speed, duration, seed, line => output.WriteLine(line), stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped by the operator.
        }

        await output.WriteLineAsync($"simulator: done; {client.Report}");
        return 0;
    }

    private static async Task<int> PlayScenario(
        string name, Dictionary<string, string> options, HttpClient http, string key, IngestClient client, double speed, int seed, TextWriter output, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            scenario = Scenario.Load(name);
        }
        catch (Exception ex) when (ex is FileNotFoundException or InvalidDataException or System.Text.Json.JsonException)
        {
            await output.WriteLineAsync(ex.Message);
            return 2;
        }

        var runner = new ScenarioRunner(client, new AlertCheck(http, key), TimeProvider.System);
        return await runner.Run(scenario, speed, options.ContainsKey("check"), options.GetValueOrDefault("then") == "stop", seed,
            line => output.WriteLine(line), cancellationToken);
    }

    private static async Task<int> ReplayFile(Dictionary<string, string> options, IngestClient client, TextWriter output, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue("mapping", out var mappingName) || !options.TryGetValue("data", out var data))
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var skip = options.TryGetValue("skip", out var s) && int.TryParse(s, out var n) ? n : 0;
        var take = options.TryGetValue("rows", out var r) && int.TryParse(r, out var m) ? m : int.MaxValue;
        var runner = new ReplayRunner(client, TimeProvider.System);
        await runner.Run(ReplayRunner.LoadMapping(mappingName), data, skip, take, line => output.WriteLine(line), cancellationToken);
        return client.Report.FailedBatches == 0 ? 0 : 1;
    }

    private static async Task<int> MultiplyCatalog(Dictionary<string, string> options, HttpClient http, string key, TextWriter output, CancellationToken cancellationToken)
    {
        if (!options.TryGetValue("out", out var path) || !int.TryParse(options.GetValueOrDefault("multiply", ""), out var copies) || copies < 1)
        {
            await output.WriteLineAsync(Usage);
            return 2;
        }

        var catalog = System.Text.Json.Nodes.JsonNode.Parse(options.TryGetValue("from", out var from)
            ? await File.ReadAllTextAsync(from, cancellationToken)   // ops/bench: no centre needs to run first
            : await CatalogText(http, key, cancellationToken))!.AsObject();
        var multiplied = CatalogMultiplier.Multiply(catalog, copies);
        await File.WriteAllTextAsync(path, multiplied.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = false }), cancellationToken);
        await output.WriteLineAsync($"catalog: {multiplied["sensors"]!.AsArray().Count} sensors in {copies} copies written to {path}");
        return 0;
    }

    private static async Task<string> CatalogText(HttpClient http, string key, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task<int> RunLoad(Dictionary<string, string> options, IngestClient client, string key, TextWriter output, CancellationToken cancellationToken)
    {
        int Int(string name, int fallback) => int.TryParse(options.GetValueOrDefault(name, ""), out var v) && v > 0 ? v : fallback;
        // --rate 0 is "unpaced": each sender sends its next batch as soon as the previous one is answered.
        var rate = options.GetValueOrDefault("rate") == "0" ? 0 : Int("rate", 10_000);
        var duration = TimeSpan.FromSeconds(Int("duration", 30));
        LoadResult result;
        if (options.TryGetValue("mqtt", out var endpoint))
        {
            if (MqttLogin.Parse(endpoint, options.GetValueOrDefault("key-name", "dev-gateway"), key) is not { } login)
            {
                await output.WriteLineAsync("--mqtt must be HOST:PORT");
                return 2;
            }

            result = await new MqttLoadRunner(client, login, TimeProvider.System)
                .Run(Int("sensors", int.MaxValue), rate, duration, Int("batch", 10), Int("connections", 32), cancellationToken);
        }
        else
        {
            // --ledger: every acknowledged reading, one JSON line each (the crash tests compare it with the log).
            using var ledger = options.TryGetValue("ledger", out var ledgerPath) ? new AcknowledgedLedger(ledgerPath) : null;
            result = await new LoadRunner(client, TimeProvider.System).Run(Int("sensors", int.MaxValue), rate, duration,
                Int("batch", 500), Int("senders", 4), cancellationToken, TimeSpan.FromSeconds(Int("resend-for", 0)), ledger);
        }

        // Machine-readable for ops/bench; the line below stays for people.
        if (options.TryGetValue("json", out var jsonPath))
            await File.WriteAllTextAsync(jsonPath, System.Text.Json.JsonSerializer.Serialize(result), cancellationToken);
        await output.WriteLineAsync(FormattableString.Invariant(
            $"load{(options.ContainsKey("mqtt") ? " (MQTT)" : "")}: sent {result.Sent}, accepted {result.Accepted}, rejected {result.Rejected}{string.Concat(result.RejectedByCode.Select(kv => $" ({kv.Key} {kv.Value})"))}, batches resent {result.Resent}, achieved {result.AchievedPerSecond:0} readings/s, {(options.ContainsKey("mqtt") ? "message" : "request")} latency p50 {result.P50Ms:0.0} ms, p95 {result.P95Ms:0.0} ms, p99 {result.P99Ms:0.0} ms"));
        return result.Rejected == 0 ? 0 : 1;
    }

    private static Dictionary<string, string>? Options(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal)) return null;
            // A flag on its own (--check) is true.
            if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[args[i][2..]] = "true";
                i--;
                continue;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
