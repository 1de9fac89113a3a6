using System.Diagnostics.Metrics;
using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// How readings enter the centre, whatever carried them (HTTP, MQTT): appended to the readings log first — once that
/// commits they are accepted, and nothing can lose them — then each sensor's new rows handed to its grain, so live
/// state, the feed and the rules see them before the caller is answered. A reading the log already held is a
/// duplicate and reaches no grain.
/// </summary>
public sealed class ReadingIntake(IReadingLog log, IGrainFactory grains, IMeterFactory meters, ILogger<ReadingIntake> logger)
{
    private static readonly TimeSpan[] CatchUpDelays = [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30)];

    private readonly Counter<long> _deliveryFailures = meters.Create(TelemetryNames.Meter).CreateCounter<long>(
        "controlcenter.log.delivery_failures", "{delivery}", "Sensor grains that did not take rows already logged (they catch up from the log)");

    /// <summary>Shows the series at 0 before the first failure; called by the host once its exporter listens.</summary>
    public void Baseline() => _deliveryFailures.Add(0);

    /// <returns>Per reading, in order: whether it was appended (false: the log already held it).</returns>
    /// <exception cref="ReadingLogUnavailableException">Nothing was appended; nothing reached a grain.</exception>
    public async Task<bool[]> Take(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        // To the millisecond, as the log keeps it: the grain must fold now exactly what a replay gives back.
        receivedAt = DateTimeOffset.FromUnixTimeMilliseconds(receivedAt.ToUnixTimeMilliseconds());
        var positions = await log.Append(readings, receivedAt, cancellationToken);
        var bySensor = new Dictionary<string, List<LoggedReading>>(StringComparer.Ordinal);
        for (var i = 0; i < readings.Count; i++)
        {
            if (positions[i] == 0) continue;
            if (!bySensor.TryGetValue(readings[i].SensorId, out var rows)) bySensor[readings[i].SensorId] = rows = [];
            rows.Add(new LoggedReading(positions[i], readings[i], receivedAt));
        }

        // A sensor whose readings were all in the log already may still lack them: a commit whose answer was lost
        // (the database committed, the connection dropped) was refused as 503, and this resend is all duplicates.
        var onlyRepeated = readings.Where((r, i) => positions[i] == 0 && !bySensor.ContainsKey(r.SensorId)).Select(r => r.SensorId).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(bySensor.Select(s => Deliver(s.Key, [.. s.Value])).Concat(onlyRepeated.Select(CatchUp)));
        return [.. positions.Select(p => p > 0)];
    }

    /// <summary>
    /// The rows are durable whatever happens here: a sensor that missed them folds them on its next delivery (it reads
    /// the gap from the log), on its next activation (replay), or when a catch-up below reaches it.
    /// </summary>
    private async Task Deliver(string sensorId, LoggedReading[] rows)
    {
        try
        {
            await grains.GetGrain<ISensorGrain>(sensorId).Apply(rows);
        }
        catch (Exception ex)
        {
            _deliveryFailures.Add(1);
            logger.LogWarning(ex, "Sensor {SensorId} did not take {Count} logged readings; it catches up from the log", sensorId, rows.Length);
            _ = CatchUpLater(sensorId);
        }
    }

    private async Task CatchUp(string sensorId)
    {
        try
        {
            await grains.GetGrain<ISensorGrain>(sensorId).CatchUp();
        }
        catch (Exception ex)
        {
            _deliveryFailures.Add(1);
            logger.LogWarning(ex, "Sensor {SensorId} could not catch up from the log; it retries", sensorId);
            _ = CatchUpLater(sensorId);
        }
    }

    private async Task CatchUpLater(string sensorId)
    {
        foreach (var delay in CatchUpDelays)
        {
            await Task.Delay(delay);
            try
            {
                await grains.GetGrain<ISensorGrain>(sensorId).CatchUp();
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Sensor {SensorId} could not catch up from the log yet", sensorId);
            }
        }
    }
}
