using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.History;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Applies parsed readings: one grain call per sensor (in parallel), late readings checked against history,
/// accepted ones queued for the history store. A sensor whose grain call fails has its readings refused as
/// "unavailable" so the gateway resends them (the (sensorId, ts) rule makes the resend safe).
/// </summary>
public sealed class IngestService(IGrainFactory grains, HistoryStore history, HistoryWriter writer, IngestMetrics metrics, ILogger<IngestService> logger)
    : IReadingSink
{
    public const string Unavailable = "unavailable";

    public async Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Rejected;
        var perSensor = batch.Valid.GroupBy(v => v.Reading.SensorId, StringComparer.Ordinal).ToList();
        var results = await Task.WhenAll(perSensor.Select(g => ApplySensor(g.Key, g.ToList(), cancellationToken)));

        int accepted = 0, duplicates = 0;
        foreach (var result in results)
        {
            accepted += result.Accepted;
            duplicates += result.Duplicates;
            rejected.AddRange(result.Failed);
            // Not cancellable: once a grain has accepted a reading, its history row must be queued even if
            // the caller has gone away.
            await writer.AppendAsync(result.ToHistory.SelectMany(ToRows), CancellationToken.None);
        }

        rejected.Sort((a, b) => a.Index.CompareTo(b.Index));
        var response = new IngestResponse(accepted, duplicates, rejected);
        metrics.Count(response);
        return response;
    }

    private async Task<SensorResult> ApplySensor(string sensorId, List<(int Index, SensorReading Reading)> readings, CancellationToken cancellationToken)
    {
        ReadingOutcome[] outcomes;
        try
        {
            outcomes = await grains.GetGrain<ISensorGrain>(sensorId).Ingest(readings.Select(r => r.Reading).ToArray());
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Sensor {SensorId} could not apply {Count} readings", sensorId, readings.Count);
            return new SensorResult(0, [], 0,
                readings.Select(r => new IngestRejection(r.Index, Unavailable, "The sensor could not be updated; resend this reading.")).ToList());
        }

        var accepted = new List<SensorReading>();
        var toHistory = new List<SensorReading>();
        var lateSeen = new HashSet<DateTimeOffset>();
        var duplicates = 0;
        for (var i = 0; i < readings.Count; i++)
        {
            var reading = readings[i].Reading;
            var outcome = outcomes[i];
            // A late reading is older than anything the sensor remembers: the history store decides. Not
            // cancellable: the grain has already answered, so the bookkeeping must finish.
            if (outcome == ReadingOutcome.Late && (!lateSeen.Add(reading.Ts) || await history.Contains(sensorId, reading.Ts, CancellationToken.None)))
                outcome = ReadingOutcome.Duplicate;
            if (outcome == ReadingOutcome.Duplicate) duplicates++;
            else accepted.Add(reading);
            // Duplicates go to history too (a no-op when the row is there): a resend after any failure heals it.
            toHistory.Add(reading);
        }

        return new SensorResult(accepted.Count, toHistory, duplicates, []);
    }

    private static IEnumerable<HistoryRow> ToRows(SensorReading reading)
    {
        var ts = reading.Ts.ToUnixTimeMilliseconds();
        return reading.Values.Select(v => new HistoryRow(reading.SensorId, v.Key, ts, v.Value));
    }

    private sealed record SensorResult(int Accepted, List<SensorReading> ToHistory, int Duplicates, List<IngestRejection> Failed);
}
