using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Host.History;

/// <summary>
/// Writes history rows on PostgreSQL with binary COPY into a temporary table, then one INSERT … ON CONFLICT DO
/// NOTHING from it (COPY alone cannot skip the rows a resent reading already has). Multi-row INSERTs bound four
/// parameters per row; at tens of thousands of rows a second that binding was a visible share of the CPU.
/// </summary>
public static class PostgresHistoryCopy
{
    private const string Staging =
        "CREATE TEMP TABLE IF NOT EXISTS readings_incoming (sensor_id text, metric text, ts_ms bigint, value double precision) ON COMMIT DELETE ROWS";

    private const string Copy = "COPY readings_incoming (sensor_id, metric, ts_ms, value) FROM STDIN (FORMAT BINARY)";

    private const string Merge = "INSERT INTO readings (sensor_id, metric, ts_ms, value) SELECT sensor_id, metric, ts_ms, value FROM readings_incoming ON CONFLICT DO NOTHING";

    /// <summary>Runs inside the caller's transaction; the staging rows vanish at its commit.</summary>
    public static async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<HistoryRow> rows)
    {
        await using (var staging = new NpgsqlCommand(Staging, connection, transaction)) await staging.ExecuteNonQueryAsync();
        await using (var importer = await connection.BeginBinaryImportAsync(Copy))
        {
            foreach (var row in rows)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(row.SensorId, NpgsqlDbType.Text);
                await importer.WriteAsync(row.Metric, NpgsqlDbType.Text);
                await importer.WriteAsync(row.TsMs, NpgsqlDbType.Bigint);
                await importer.WriteAsync(row.Value, NpgsqlDbType.Double);
            }

            await importer.CompleteAsync();
        }

        await using var merge = new NpgsqlCommand(Merge, connection, transaction);
        await merge.ExecuteNonQueryAsync();
    }
}
