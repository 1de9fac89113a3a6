using System.Diagnostics;
using ControlCenter.Scenarios.Ingest;
using MQTTnet;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// The same load as <see cref="LoadRunner"/> (sensors, batch writer, pacing, result) over MQTT, as a fleet of
/// gateways: each connection owns its own sensors and publishes one sensor's readings per message to
/// <c>city/readings/{sensorId}</c> at QoS 1, waiting for the PUBACK (sent once the readings are in the log) before
/// its next message, so every sensor's readings arrive in timestamp order. Latency is per message, publish to PUBACK.
/// </summary>
public sealed class MqttLoadRunner(IngestClient catalogSource, MqttLogin login, TimeProvider time)
{
    private const string ReadingsTopicPrefix = "city/readings/";

    public async Task<LoadResult> Run(
        int sensors, double ratePerSecond, TimeSpan duration, int readingsPerMessage, int connections, CancellationToken cancellationToken)
    {
        var writers = LoadBatchWriter.ForSenders(await catalogSource.Catalog(cancellationToken), sensors, connections, time.GetUtcNow());
        var run = $"load-{Environment.ProcessId}";
        await using var errors = await MqttErrorListener.Open(login, $"{run}-errors", cancellationToken);
        var gateways = await Task.WhenAll(writers.Select((_, k) => MqttGatewayConnection.Open(login, $"{run}-{k}", cancellationToken)));
        var latencies = new LatencyLog();
        var refusedByCode = new Dictionary<string, long>();
        long sent = 0, acknowledged = 0;
        var start = time.GetUtcNow();
        var pace = new LoadPace(start, ratePerSecond, readingsPerMessage, writers.Length, time);

        async Task Gateway(LoadBatchWriter writer, MqttGatewayConnection gateway)
        {
            var messages = 0;
            while (time.GetUtcNow() - start < duration && !cancellationToken.IsCancellationRequested)
            {
                await pace.WaitForTurn(messages, cancellationToken);
                var (sensorId, body) = writer.NextOfOneSensor(readingsPerMessage, time.GetUtcNow());
                var watch = Stopwatch.StartNew();
                var answer = await gateway.Publish(ReadingsTopicPrefix + sensorId, body, cancellationToken);
                latencies.Add(watch.Elapsed);
                Interlocked.Add(ref sent, readingsPerMessage);
                if (answer.IsSuccess) Interlocked.Add(ref acknowledged, readingsPerMessage);
                else lock (refusedByCode) refusedByCode[$"puback-{answer.ReasonCode}"] = refusedByCode.GetValueOrDefault($"puback-{answer.ReasonCode}") + readingsPerMessage;
                messages++;
            }
        }

        try
        {
            await Task.WhenAll(writers.Select((w, k) => Task.Run(() => Gateway(w, gateways[k]), cancellationToken)));
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
            foreach (var gateway in gateways) await gateway.DisposeAsync();
        }

        var elapsed = (time.GetUtcNow() - start).TotalSeconds;
        // Error reports are sent before their PUBACK but travel on another connection: give the last ones time to land.
        await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        var accepted = acknowledged - errors.Rejected - errors.Duplicates;
        foreach (var (code, n) in errors.RejectedByCode) refusedByCode[code] = refusedByCode.GetValueOrDefault(code) + n;
        return new LoadResult(sent, accepted, sent - acknowledged + errors.Rejected, gateways.Sum(g => g.Resent), elapsed, accepted / elapsed,
            latencies.Percentile(0.5), latencies.Percentile(0.95), latencies.Percentile(0.99), refusedByCode);
    }
}
