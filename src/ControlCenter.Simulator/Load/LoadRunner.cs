using System.Diagnostics;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Simulator.Load;

/// <summary>What a load run achieved.</summary>
public sealed record LoadResult(
    long Sent, long Accepted, long Rejected, long Resent, double Seconds, double AchievedPerSecond, double P50Ms, double P95Ms, double P99Ms,
    IReadOnlyDictionary<string, long> RejectedByCode);

/// <summary>
/// Load for benchmarks: readings for the first N sensors of the centre's catalogue at a target rate (0: as fast
/// as the centre answers), in batches, from several senders at once; measures each request's latency (ingest
/// answered = applied to every sensor grain). Each sender owns its own sensors, so a sensor's readings arrive in
/// timestamp order and none is a duplicate.
/// </summary>
public sealed class LoadRunner(IngestClient client, TimeProvider time)
{
    /// <param name="resendFor">How long a batch without an answer is sent again (0: a lost answer ends the run).</param>
    /// <param name="ledger">Where to write every acknowledged reading, if anywhere.</param>
    public async Task<LoadResult> Run(
        int sensors, double ratePerSecond, TimeSpan duration, int batchSize, int senders, CancellationToken cancellationToken,
        TimeSpan resendFor = default, AcknowledgedLedger? ledger = null)
    {
        var writers = LoadBatchWriter.ForSenders(await client.Catalog(cancellationToken), sensors, senders, time.GetUtcNow());
        var latencies = new LatencyLog();
        var start = time.GetUtcNow();
        var pace = new LoadPace(start, ratePerSecond, batchSize, writers.Length, time);

        async Task Sender(LoadBatchWriter writer)
        {
            var sent = 0;
            while (time.GetUtcNow() - start < duration && !cancellationToken.IsCancellationRequested)
            {
                await pace.WaitForTurn(sent, cancellationToken);
                var body = writer.Next(batchSize, time.GetUtcNow());
                var watch = Stopwatch.StartNew();
                var answer = await client.SendPrepared(body, batchSize, cancellationToken, resendFor);
                ledger?.Add(body, answer.Rejected.Select(r => r.Index).ToHashSet());
                latencies.Add(watch.Elapsed);
                sent++;
            }
        }

        try
        {
            await Task.WhenAll(writers.Select(w => Task.Run(() => Sender(w), cancellationToken)));
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }

        var elapsed = (time.GetUtcNow() - start).TotalSeconds;
        var report = client.Report;
        return new LoadResult(report.Sent, report.Accepted, report.Rejected, report.Retries, elapsed, report.Accepted / elapsed,
            latencies.Percentile(0.5), latencies.Percentile(0.95), latencies.Percentile(0.99), new Dictionary<string, long>(report.RejectedByCode));
    }
}
