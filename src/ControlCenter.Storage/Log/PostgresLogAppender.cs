using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Storage.Log;

/// <summary>
/// PostgreSQL: binary COPY of the rows into a session-local staging table, then one statement that takes the
/// append lock, keeps the rows whose key the log lacks, numbers them after their sensor's last position and
/// inserts them. Several silos append to one database: the advisory lock (held to commit) makes positions follow
/// commit order, so a checkpoint at position n never misses a row below n that committed later.
/// </summary>
public sealed class PostgresLogAppender : ILogAppender
{
    /// <summary>An arbitrary constant every ControlCenter silo shares: "CCLOG" in ASCII.</summary>
    public const long AppendLockKey = 0x43434C4F47;

    private const string Staging =
        "CREATE TEMP TABLE IF NOT EXISTS reading_log_incoming (sensor_id text, ts_ms bigint, received_ms bigint, vals text) ON COMMIT DELETE ROWS";

    private const string Copy = "COPY reading_log_incoming (sensor_id, ts_ms, received_ms, vals) FROM STDIN (FORMAT BINARY)";

    private const string Lock = "SELECT pg_advisory_xact_lock(@key)";

    private const string Merge =
        "WITH fresh AS (SELECT i.* FROM reading_log_incoming i "
        + "  WHERE NOT EXISTS (SELECT 1 FROM reading_log r WHERE r.sensor_id = i.sensor_id AND r.ts_ms = i.ts_ms)), "
        + "numbered AS (SELECT f.*, COALESCE((SELECT max(r.seq) FROM reading_log r WHERE r.sensor_id = f.sensor_id), 0) "
        + "  + row_number() OVER (PARTITION BY f.sensor_id ORDER BY f.ts_ms) AS seq FROM fresh f) "
        + "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) "
        + "SELECT sensor_id, ts_ms, seq, received_ms, vals FROM numbered RETURNING sensor_id, ts_ms, seq";

    private NpgsqlConnection? _staged;

    async Task<long[]> ILogAppender.Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var postgres = (NpgsqlConnection)connection;
        await EnsureStaging(postgres, (NpgsqlTransaction)transaction);
        await using (var importer = await postgres.BeginBinaryImportAsync(Copy))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.SensorId, NpgsqlDbType.Text);
                await importer.WriteAsync(row.TsMs, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.ReceivedMs, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Values, NpgsqlDbType.Text);
            }

            await importer.CompleteAsync();
        }

        await using var batch = new NpgsqlBatch(postgres, (NpgsqlTransaction)transaction)
        {
            BatchCommands = { new NpgsqlBatchCommand(Lock) { Parameters = { new NpgsqlParameter<long>("key", AppendLockKey) } }, new NpgsqlBatchCommand(Merge) },
        };
        var given = new Dictionary<(string, long), long>();
        await using (var reader = await batch.ExecuteReaderAsync())
        {
            await reader.NextResultAsync();
            while (await reader.ReadAsync()) given[(reader.GetString(0), reader.GetInt64(1))] = reader.GetInt64(2);
        }

        var positions = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++) positions[i] = given.GetValueOrDefault((rows[i].SensorId, rows[i].TsMs));
        return positions;
    }

    /// <summary>
    /// The staging table lives as long as the writer's connection; made once per connection. (A failed commit rolls
    /// its creation back too, but the writer replaces its connection after any failure.)
    /// </summary>
    private async Task EnsureStaging(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (ReferenceEquals(_staged, connection)) return;
        await using var create = new NpgsqlCommand(Staging, connection, transaction);
        await create.ExecuteNonQueryAsync();
        _staged = connection;
    }
}
