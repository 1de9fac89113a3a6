using System.Data.Common;

namespace ControlCenter.Storage.Log;

/// <summary>Inserts one group commit's rows in one dialect, inside the writer's transaction.</summary>
public interface ILogAppender
{
    /// <summary>
    /// Appends each row whose (sensor, ts) the log does not hold yet, giving it its sensor's next position. The rows
    /// have distinct keys and come sorted by sensor and time. Takes the append lock where the database needs one.
    /// </summary>
    /// <returns>Per row: the position given, or 0 when the log already had the reading.</returns>
    Task<long[]> Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows);

    /// <summary>The writer's transaction committed.</summary>
    void Committed();

    /// <summary>The writer's transaction failed (or was never committed).</summary>
    void Failed();
}
