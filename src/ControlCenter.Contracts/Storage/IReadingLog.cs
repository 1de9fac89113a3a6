using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Storage;

/// <summary>
/// The readings log: the durable record of every accepted reading, and the history. A reading is accepted only
/// once its append has committed; sensor grains fold the log and checkpoint what they folded.
/// </summary>
public interface IReadingLog
{
    /// <summary>
    /// Appends readings once each: a reading whose (sensorId, ts) the log already holds, or that appears earlier
    /// in the same call, is not appended again.
    /// </summary>
    /// <returns>Per reading, in order: its position among its sensor's rows, or 0 for a duplicate.</returns>
    /// <exception cref="ReadingLogUnavailableException">Nothing was appended (the database failed).</exception>
    Task<long[]> Append(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>One sensor's rows after a position, in position order.</summary>
    Task<IReadOnlyList<LoggedReading>> ReadAfter(string sensorId, long afterSeq, CancellationToken cancellationToken);
}
