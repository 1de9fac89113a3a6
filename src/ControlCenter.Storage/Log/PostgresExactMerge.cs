using Npgsql;

namespace ControlCenter.Storage.Log;

/// <summary>
/// The staged rows appended row-exactly: only those whose key the log lacks, numbered after their sensor's last
/// position as the log holds it. Slower than the fast path (two index probes per row and a sort), so it runs only
/// when a commit carries a reading the log already has.
/// </summary>
public static class PostgresExactMerge
{
    private const string Merge =
        "WITH fresh AS (SELECT i.sensor_id, i.ts_ms, i.received_ms, i.vals FROM reading_log_incoming i "
        + "  WHERE NOT EXISTS (SELECT 1 FROM reading_log r WHERE r.sensor_id = i.sensor_id AND r.ts_ms = i.ts_ms)), "
        + "numbered AS (SELECT f.*, COALESCE((SELECT max(r.seq) FROM reading_log r WHERE r.sensor_id = f.sensor_id), 0) "
        + "  + row_number() OVER (PARTITION BY f.sensor_id ORDER BY f.ts_ms) AS seq FROM fresh f) "
        + "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) "
        + "SELECT sensor_id, ts_ms, seq, received_ms, vals FROM numbered RETURNING sensor_id, ts_ms, seq";

    public static async Task<long[]> Run(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var given = new Dictionary<(string, long), long>();
        await using (var merge = new NpgsqlCommand(Merge, connection, transaction))
        await using (var reader = await merge.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) given[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }

        var positions = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++) positions[i] = given.GetValueOrDefault((rows[i].SensorId, rows[i].TsMs));
        return positions;
    }
}
