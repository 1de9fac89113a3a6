using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;

namespace ControlCenter.Storage.Log;

/// <summary>The readings log on the configured database: appends through the group-commit writer, reads batched.</summary>
public sealed class ReadingLog(ReadingLogWriter writer, ReadingLogReader reader) : IReadingLog
{
    public Task<long[]> Append(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        // Not cancellable once queued: the commit may already be under way, and its outcome must reach the caller.
        return writer.Append(new LogAppend(readings, receivedAt));
    }

    public Task<IReadOnlyList<LoggedReading>> ReadAfter(string sensorId, long afterSeq, CancellationToken cancellationToken) =>
        reader.ReadAfter(sensorId, afterSeq);
}
