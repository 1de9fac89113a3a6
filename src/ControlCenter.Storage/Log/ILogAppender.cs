using System.Data.Common;

namespace ControlCenter.Storage.Log;

/// <summary>Inserts one group commit's rows in one dialect, inside the writer's transaction.</summary>
public interface ILogAppender
{
    /// <summary>
    /// Appends each row whose (sensor, ts) the log does not hold yet, giving it its sensor's next position. The rows
    /// have distinct keys. Must run while this writer is the only one appending (the caller's transaction holds the
    /// append lock, or the database has a single writer).
    /// </summary>
    /// <returns>Per row: the position given, or 0 when the log already had the reading.</returns>
    Task<long[]> Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows);
}
