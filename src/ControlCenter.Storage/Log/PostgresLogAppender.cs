using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Storage.Log;

/// <summary>
/// PostgreSQL: takes the append lock (several silos append to one database; the advisory lock, held to commit, makes
/// positions follow commit order, so a checkpoint at position n never misses a row below n that committed later),
/// gives each row its sensor's next position from what this writer remembers (<see cref="LogPositions"/>), binary-COPYs
/// the rows into a session-local staging table and inserts them with ON CONFLICT DO NOTHING. When a row was already in
/// the log (a resend) its position would be left unused, so that rare commit is redone row-exactly instead
/// (<see cref="PostgresExactMerge"/>): positions stay 1, 2, 3 … per sensor, which replay and gap detection rely on.
/// </summary>
public sealed class PostgresLogAppender : ILogAppender
{
    /// <summary>An arbitrary constant every ControlCenter silo shares: "CCLOG" in ASCII.</summary>
    public const long AppendLockKey = 0x43434C4F47;

    private const string Staging =
        "CREATE TEMP TABLE IF NOT EXISTS reading_log_incoming (sensor_id text, ts_ms bigint, seq bigint, received_ms bigint, vals text) ON COMMIT DELETE ROWS";

    private const string Copy = "COPY reading_log_incoming (sensor_id, ts_ms, seq, received_ms, vals) FROM STDIN (FORMAT BINARY)";

    // A silo that died half-open holds the lock until PostgreSQL notices; the others then refuse (503, resend)
    // after a few seconds rather than keep every gateway waiting for the command timeout.
    private const string Lock = "SET LOCAL lock_timeout = '5s'; SELECT pg_advisory_xact_lock(@key)";

    private const string LastOf = "SELECT sensor_id, MAX(seq) FROM reading_log WHERE sensor_id = ANY(@ids) GROUP BY sensor_id";

    private const string Fast =
        "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) SELECT sensor_id, ts_ms, seq, received_ms, vals "
        + "FROM reading_log_incoming ON CONFLICT (sensor_id, ts_ms) DO NOTHING";

    private readonly LogPositions _positions = new();
    private NpgsqlConnection? _staged;

    async Task<long[]> ILogAppender.Insert(DbConnection connection, DbTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var postgres = (NpgsqlConnection)connection;
        var tx = (NpgsqlTransaction)transaction;
        await EnsureStaging(postgres, tx);
        await using (var lockCommand = new NpgsqlCommand(Lock, postgres, tx))
        {
            lockCommand.Parameters.Add(new NpgsqlParameter<long>("key", AppendLockKey));
            await lockCommand.ExecuteNonQueryAsync();
        }

        await _positions.CountCommit(postgres, tx);
        await LearnUnknown(postgres, tx, rows);
        var provisional = new long[rows.Count];
        for (var i = 0; i < rows.Count; i++)
            provisional[i] = (i > 0 && rows[i - 1].SensorId == rows[i].SensorId ? provisional[i - 1] : await _positions.Last(rows[i].SensorId, postgres, tx)) + 1;
        await CopyIntoStaging(postgres, rows, provisional);

        await tx.SaveAsync("fast");
        await using (var fast = new NpgsqlCommand(Fast, postgres, tx))
        {
            if (await fast.ExecuteNonQueryAsync() == rows.Count)
            {
                for (var i = 0; i < rows.Count; i++) _positions.Learn(rows[i].SensorId, provisional[i]);
                return provisional;
            }
        }

        await tx.RollbackAsync("fast");
        var positions = await PostgresExactMerge.Run(postgres, tx, rows);
        for (var i = 0; i < rows.Count; i++)
            if (positions[i] > 0) _positions.Learn(rows[i].SensorId, positions[i]);
        return positions;
    }

    public void Committed() => _positions.Committed();

    public void Failed() => _positions.Forget();

    /// <summary>One query for the sensors this writer has no position for (a first append, or after another silo appended).</summary>
    private async Task LearnUnknown(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LogRow> rows)
    {
        var unknown = _positions.Unknown(rows.Select(r => r.SensorId).Distinct(StringComparer.Ordinal)).ToArray();
        if (unknown.Length == 0) return;
        foreach (var sensorId in unknown) _positions.Learn(sensorId, 0);
        await using var command = new NpgsqlCommand(LastOf, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = unknown });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) _positions.Learn(reader.GetString(0), reader.GetInt64(1));
    }

    private static async Task CopyIntoStaging(NpgsqlConnection connection, IReadOnlyList<LogRow> rows, long[] positions)
    {
        await using var importer = await connection.BeginBinaryImportAsync(Copy);
        for (var i = 0; i < rows.Count; i++)
        {
            await importer.StartRowAsync();
            await importer.WriteAsync(rows[i].SensorId, NpgsqlDbType.Text);
            await importer.WriteAsync(rows[i].TsMs, NpgsqlDbType.Bigint);
            await importer.WriteAsync(positions[i], NpgsqlDbType.Bigint);
            await importer.WriteAsync(rows[i].ReceivedMs, NpgsqlDbType.Bigint);
            await importer.WriteAsync(rows[i].Values, NpgsqlDbType.Text);
        }

        await importer.CompleteAsync();
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
