using System.Diagnostics;
using ControlCenter.Simulator.Api;
using ControlCenter.Simulator.Day;

namespace ControlCenter.Simulator.Load;

/// <summary>What a load run achieved.</summary>
public sealed record LoadResult(long Sent, long Accepted, long Rejected, double AchievedPerSecond, double P50Ms, double P95Ms, double P99Ms);

/// <summary>
/// Load for benchmarks: readings for the first N sensors of the centre's catalogue at a target rate, in
/// batches, from several senders at once; measures each request's latency (ingest answered = applied to
/// every sensor grain).
/// </summary>
public sealed class LoadRunner(IngestClient client, TimeProvider time)
{
    public async Task<LoadResult> Run(int sensors, double ratePerSecond, TimeSpan duration, int batchSize, int senders, CancellationToken cancellationToken)
    {
        var catalog = await client.Catalog(cancellationToken);
        var day = new NormalDay(catalog, seed: 1);
        var chosen = day.ReportingSensors.Take(sensors).ToArray();
        if (chosen.Length == 0) throw new InvalidOperationException("The catalogue has no sensors to load.");

        var latencies = new List<double>();
        var lastTs = new Dictionary<string, DateTimeOffset>();
        var next = 0;
        var gate = new Lock();
        var start = time.GetUtcNow();
        var batchesPerSender = ratePerSecond / batchSize / senders;

        async Task Sender()
        {
            var sent = 0;
            while (time.GetUtcNow() - start < duration && !cancellationToken.IsCancellationRequested)
            {
                // Pace: this sender's n-th batch is due at n / (its share of the rate).
                var due = start + TimeSpan.FromSeconds(sent / batchesPerSender);
                var wait = due - time.GetUtcNow();
                if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken);

                var batch = new List<Reading>(batchSize);
                lock (gate)
                {
                    var now = time.GetUtcNow();
                    for (var i = 0; i < batchSize; i++)
                    {
                        var sensor = chosen[next++ % chosen.Length];
                        // A sensor never gets two readings with one timestamp (that would be a duplicate).
                        var ts = lastTs.TryGetValue(sensor.Id, out var last) && last >= now ? last.AddMilliseconds(1) : now;
                        lastTs[sensor.Id] = ts;
                        batch.Add(day.ReadingOf(sensor, ts, ts));
                    }
                }

                var watch = Stopwatch.StartNew();
                await client.Send(batch, cancellationToken);
                lock (gate) latencies.Add(watch.Elapsed.TotalMilliseconds);
                sent++;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(Sender, cancellationToken)));
        var elapsed = (time.GetUtcNow() - start).TotalSeconds;
        latencies.Sort();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        var report = client.Report;
        return new LoadResult(report.Sent, report.Accepted, report.Rejected, report.Accepted / elapsed, Percentile(0.5), Percentile(0.95), Percentile(0.99));
    }
}
