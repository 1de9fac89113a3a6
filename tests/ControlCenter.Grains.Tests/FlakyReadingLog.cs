using System.Collections.Concurrent;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// The real readings log, except that an append carrying a reading marked in <see cref="FailOnce"/> fails once before
/// it reaches the database, as when the database is down (the log's own failure is tested on real databases in
/// ControlCenter.Storage.Tests).
/// </summary>
public sealed class FlakyReadingLog(IReadingLog log) : IReadingLog
{
    public static ConcurrentDictionary<(string SensorId, DateTimeOffset Ts), bool> FailOnce { get; } = new();

    public Task<long[]> Append(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        foreach (var reading in readings)
        {
            if (FailOnce.TryRemove((reading.SensorId, reading.Ts), out _))
                throw new ReadingLogUnavailableException("Injected: the database did not answer.", new IOException("injected"));
        }

        return log.Append(readings, receivedAt, cancellationToken);
    }

    public Task<IReadOnlyList<LoggedReading>> ReadAfter(string sensorId, long afterSeq, CancellationToken cancellationToken) =>
        log.ReadAfter(sensorId, afterSeq, cancellationToken);
}
