using System.Data.Common;

namespace ControlCenter.Storage.Log;

/// <summary>
/// SQLite: one prepared insert per row inside the writer's IMMEDIATE transaction (SQLite has one writer at a time,
/// so positions read or remembered at its start stay the latest until it commits). A row the log already holds is
/// skipped and uses no position.
/// </summary>
public sealed class SqliteLogAppender : ILogAppender
{
    // The conflict target names the reading's key only: a clash on (sensor_id, seq) would be a bug, and fails loudly.
    private const string Insert =
        "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) VALUES (@s, @t, @q, @r, @v) ON CONFLICT (sensor_id, ts_ms) DO NOTHING";

    private readonly LogPositions _positions = new();

    async Task<long[]> ILogAppender.Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        await _positions.CountCommit(connection, transaction);
        await using var insert = CityDatabase.Command(connection, Insert, ("@s", ""), ("@t", 0L), ("@q", 0L), ("@r", 0L), ("@v", ""));
        insert.Transaction = transaction;
        var positions = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var next = await _positions.Last(row.SensorId, connection, transaction) + 1;
            insert.Parameters[0].Value = row.SensorId;
            insert.Parameters[1].Value = row.TsMs;
            insert.Parameters[2].Value = next;
            insert.Parameters[3].Value = row.ReceivedMs;
            insert.Parameters[4].Value = row.Values;
            if (await insert.ExecuteNonQueryAsync() == 0) continue;
            _positions.Learn(row.SensorId, next);
            positions[i] = next;
        }

        return positions;
    }

    public void Committed() => _positions.Committed();

    public void Failed() => _positions.Forget();
}
