using System.Data.Common;

namespace ControlCenter.Storage.Log;

/// <summary>
/// SQLite: one prepared insert per row inside the writer's transaction. SQLite has one writer at a time, so the
/// positions read at the start of the transaction stay the latest until it commits.
/// </summary>
public sealed class SqliteLogAppender : ILogAppender
{
    private const string LastPosition = "SELECT COALESCE(MAX(seq), 0) FROM reading_log WHERE sensor_id = @s";

    // The conflict target names the reading's key only: a clash on (sensor_id, seq) would be a bug, and fails loudly.
    private const string Insert =
        "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) VALUES (@s, @t, @q, @r, @v) ON CONFLICT (sensor_id, ts_ms) DO NOTHING";

    async Task<long[]> ILogAppender.Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var last = await LastPositions(connection, transaction, rows);
        await using var insert = Command(connection, transaction, Insert, "@s", "@t", "@q", "@r", "@v");
        var positions = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var next = last[row.SensorId] + 1;
            insert.Parameters[0].Value = row.SensorId;
            insert.Parameters[1].Value = row.TsMs;
            insert.Parameters[2].Value = next;
            insert.Parameters[3].Value = row.ReceivedMs;
            insert.Parameters[4].Value = row.Values;
            if (await insert.ExecuteNonQueryAsync() == 0) continue;
            last[row.SensorId] = next;
            positions[i] = next;
        }

        return positions;
    }

    private static async Task<Dictionary<string, long>> LastPositions(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var query = Command(connection, transaction, LastPosition, "@s");
        foreach (var row in rows)
        {
            if (last.ContainsKey(row.SensorId)) continue;
            query.Parameters[0].Value = row.SensorId;
            last[row.SensorId] = Convert.ToInt64(await query.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return last;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
