using System.CommandLine;
using System.Text.Json;
using ControlCenter.Simulator.Load;

namespace ControlCenter.Simulator.Commands;

/// <summary><c>load</c>: readings at a target rate for benchmarks, over HTTP or MQTT; reports what was accepted and the latency.</summary>
public static class LoadCommand
{
    public static Command Create(GatewayOptions gateway, TextWriter output)
    {
        var sensors = new Option<int?>("--sensors") { Description = "How many of the catalogue's sensors (default: all)", HelpName = "N" }.AtLeast(1);
        var rate = new Option<int>("--rate") { Description = "Readings per second (0: as fast as answered)", HelpName = "READINGS_PER_S", DefaultValueFactory = _ => 10_000 }.AtLeast(0);
        var duration = new Option<int>("--duration") { Description = "Seconds to run", HelpName = "SECONDS", DefaultValueFactory = _ => 30 }.AtLeast(1);
        var batch = new Option<int?>("--batch") { Description = "Readings per request (default 500); over MQTT, one sensor's readings per message (default 10)", HelpName = "N" }.AtLeast(1);
        var senders = new Option<int>("--senders") { Description = "Concurrent senders", HelpName = "N", DefaultValueFactory = _ => 4 }.AtLeast(1);
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON (ops/bench reads it)", HelpName = "FILE" };
        var resendFor = new Option<int>("--resend-for") { Description = "Seconds a batch without an answer is sent again (0: a lost answer ends the run)", HelpName = "SECONDS", DefaultValueFactory = _ => 0 }.AtLeast(0);
        var ledger = new Option<string?>("--ledger") { Description = "Write every acknowledged reading, one JSON line each", HelpName = "FILE" };
        var mqtt = new Option<string?>("--mqtt") { Description = "Send over MQTT to this broker (the catalogue still comes over HTTP)", HelpName = "HOST:PORT" };
        var keyName = new Option<string>("--key-name") { Description = "The MQTT login's key name", HelpName = "NAME", DefaultValueFactory = _ => "dev-gateway" };
        var connections = new Option<int>("--connections") { Description = "MQTT connections", HelpName = "N", DefaultValueFactory = _ => 32 }.AtLeast(1);
        var command = gateway.On(new Command("load", "Send readings at a target rate and report latency")
        {
            sensors, rate, duration, batch, senders, json, resendFor, ledger, mqtt, keyName, connections,
        });
        command.SetAction(async (parse, cancellationToken) =>
        {
            using var centre = gateway.Connect(parse);
            var sensorCount = parse.GetValue(sensors) ?? int.MaxValue;
            var runFor = TimeSpan.FromSeconds(parse.GetValue(duration));
            var overMqtt = parse.GetValue(mqtt) is not null;
            LoadResult result;
            if (parse.GetValue(mqtt) is { } broker)
            {
                if (MqttLogin.Parse(broker, parse.GetValue(keyName)!, centre.Key) is not { } login)
                {
                    await output.WriteLineAsync("--mqtt must be HOST:PORT");
                    return SimulatorCommand.UsageError;
                }

                result = await new MqttLoadRunner(centre.Client, login, TimeProvider.System)
                    .Run(sensorCount, parse.GetValue(rate), runFor, parse.GetValue(batch) ?? 10, parse.GetValue(connections), cancellationToken);
            }
            else
            {
                using var acknowledged = parse.GetValue(ledger) is { } ledgerPath ? new AcknowledgedLedger(ledgerPath) : null;
                result = await new LoadRunner(centre.Client, TimeProvider.System).Run(sensorCount, parse.GetValue(rate), runFor,
                    parse.GetValue(batch) ?? 500, parse.GetValue(senders), cancellationToken, TimeSpan.FromSeconds(parse.GetValue(resendFor)), acknowledged);
            }

            // Machine-readable for ops/bench; the line below stays for people.
            if (parse.GetValue(json) is { } jsonPath)
                await File.WriteAllTextAsync(jsonPath, JsonSerializer.Serialize(result), cancellationToken);
            await output.WriteLineAsync(Summary(result, overMqtt));
            return result.Rejected == 0 ? 0 : 1;
        });
        return command;
    }

    private static string Summary(LoadResult result, bool overMqtt) => FormattableString.Invariant(
        $"load{(overMqtt ? " (MQTT)" : "")}: sent {result.Sent}, accepted {result.Accepted}, rejected {result.Rejected}{string.Concat(result.RejectedByCode.Select(kv => $" ({kv.Key} {kv.Value})"))}, batches resent {result.Resent}, achieved {result.AchievedPerSecond:0} readings/s, {(overMqtt ? "message" : "request")} latency p50 {result.P50Ms:0.0} ms, p95 {result.P95Ms:0.0} ms, p99 {result.P99Ms:0.0} ms");
}
