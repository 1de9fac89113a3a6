using System.Data.Common;

namespace ControlCenter.Storage.Schema;

/// <summary>
/// Moves the history of releases before the readings log (table <c>readings</c>: one row per metric) into
/// <c>reading_log</c>, once, in one transaction with dropping the old table. Migrated rows take positions 0, -1, -2, …
/// (newest first): the sensor states those releases wrote already hold them, and their checkpoint position is 0, so
/// nothing migrated is folded twice, and new readings number on from 1.
/// </summary>
public static class LegacyReadingsMigration
{
    private const string SqliteExists = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'readings'";
    private const string PostgresExists = "SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'readings'";

    private const string SqliteMove =
        "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) "
        + "SELECT sensor_id, ts_ms, 1 - row_number() OVER (PARTITION BY sensor_id ORDER BY ts_ms DESC), ts_ms, json_group_object(metric, value) "
        + "FROM readings GROUP BY sensor_id, ts_ms";

    private const string PostgresMove =
        "INSERT INTO reading_log (sensor_id, ts_ms, seq, received_ms, vals) "
        + "SELECT sensor_id, ts_ms, 1 - row_number() OVER (PARTITION BY sensor_id ORDER BY ts_ms DESC), ts_ms, json_object_agg(metric, value)::text "
        + "FROM readings GROUP BY sensor_id, ts_ms";

    /// <returns>How many readings moved (0 when there was no old table).</returns>
    public static async Task<int> Run(DbConnection connection, bool postgres, CancellationToken cancellationToken)
    {
        await using (var exists = CityDatabase.Command(connection, postgres ? PostgresExists : SqliteExists))
        {
            if (await exists.ExecuteScalarAsync(cancellationToken) is null) return 0;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var move = CityDatabase.Command(connection, postgres ? PostgresMove : SqliteMove);
        move.Transaction = transaction;
        var moved = await move.ExecuteNonQueryAsync(cancellationToken);
        await using var drop = CityDatabase.Command(connection, "DROP TABLE readings");
        drop.Transaction = transaction;
        await drop.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return moved;
    }
}
