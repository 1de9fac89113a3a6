using System.Collections.Concurrent;
using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// The real readings log, except that an append carrying a reading marked in <see cref="FailOnce"/> fails once before
/// it reaches the database, as when the database is down, and one marked in <see cref="LoseAnswerOnce"/> is appended
/// and then reported failed, as when the commit's answer is lost (the log's own failure is tested on real databases
/// in ControlCenter.Storage.Tests).
/// </summary>
public sealed class FlakyReadingLog(IReadingLog log) : IReadingLog
{
    public static ConcurrentDictionary<(string SensorId, DateTimeOffset Ts), bool> FailOnce { get; } = new();

    public static ConcurrentDictionary<(string SensorId, DateTimeOffset Ts), bool> LoseAnswerOnce { get; } = new();

    public async Task<long[]> Append(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        if (readings.Any(r => FailOnce.TryRemove((r.SensorId, r.Ts), out _)))
            throw new ReadingLogUnavailableException("Injected: the database did not answer.", new IOException("injected"));
        var positions = await log.Append(readings, receivedAt, cancellationToken);
        if (readings.Any(r => LoseAnswerOnce.TryRemove((r.SensorId, r.Ts), out _)))
            throw new ReadingLogUnavailableException("Injected: the commit's answer was lost.", new IOException("injected"));
        return positions;
    }

    public Task<IReadOnlyList<LoggedReading>> ReadAfter(string sensorId, long afterSeq, CancellationToken cancellationToken) =>
        log.ReadAfter(sensorId, afterSeq, cancellationToken);
}
