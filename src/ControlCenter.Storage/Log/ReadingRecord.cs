using System.Data.Common;
using System.Globalization;
using ControlCenter.Contracts.Messages;
using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Storage.Log;

/// <summary>
/// The log read as the record of the past: the rows that give each sensor's state at a moment (incident review),
/// and one sensor's raw readings over a range (an incident report). A reading belongs to the moment it was stamped
/// with, also when it arrived later: the record says what the sensors measured when.
/// </summary>
public sealed class ReadingRecord(CityDatabase database)
{
    /// <summary>
    /// A sensor's rows at or before @at, back to @lookback before its newest one there; the newest row's time comes
    /// from the key's index, so a sensor silent for days still gives its last word (its health at the moment).
    /// </summary>
    private const string SqliteAsOf =
        "SELECT seq, ts_ms, received_ms, vals FROM reading_log WHERE sensor_id = @s AND ts_ms <= @at "
        + "AND ts_ms >= (SELECT MAX(ts_ms) FROM reading_log WHERE sensor_id = @s AND ts_ms <= @at) - @lookback ORDER BY seq";

    /// <summary>Both lateral joins are per sensor, so each reads its sensor's newest time, then its rows, by the key's index.</summary>
    private const string PostgresAsOf =
        "SELECT k.sensor_id, r.seq, r.ts_ms, r.received_ms, r.vals FROM unnest(@ids, @lookback) AS k(sensor_id, lookback_ms) "
        + "CROSS JOIN LATERAL (SELECT MAX(m.ts_ms) AS last_ms FROM reading_log m WHERE m.sensor_id = k.sensor_id AND m.ts_ms <= @at) AS l "
        + "CROSS JOIN LATERAL (SELECT x.seq, x.ts_ms, x.received_ms, x.vals FROM reading_log x "
        + "WHERE x.sensor_id = k.sensor_id AND x.ts_ms >= l.last_ms - k.lookback_ms AND x.ts_ms <= @at) AS r "
        + "ORDER BY k.sensor_id, r.seq";

    private const string RangeSelect =
        "SELECT seq, ts_ms, received_ms, vals FROM reading_log WHERE sensor_id = @s AND ts_ms >= @from AND ts_ms < @to ORDER BY ts_ms LIMIT @limit";

    /// <summary>
    /// For each sensor, the rows a fold needs for its state at <paramref name="at"/>: those stamped at or before it
    /// and no more than the sensor's look-back before its newest such row (the windows its derived figures read).
    /// A sensor with no reading at or before the moment is absent. Rows come in log order.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<LoggedReading>>> AsOf(
        IReadOnlyCollection<(string SensorId, TimeSpan Lookback)> sensors, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var atMs = at.ToUnixTimeMilliseconds();
        await using var connection = await database.OpenAsync(cancellationToken);
        var bySensor = new Dictionary<string, List<LoggedReading>>(StringComparer.Ordinal);
        if (connection is NpgsqlConnection postgres)
        {
            await using var command = new NpgsqlCommand(PostgresAsOf, postgres);
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. sensors.Select(s => s.SensorId)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("lookback", NpgsqlDbType.Array | NpgsqlDbType.Bigint)
            {
                TypedValue = [.. sensors.Select(s => (long)s.Lookback.TotalMilliseconds)],
            });
            command.Parameters.Add(new NpgsqlParameter<long>("at", NpgsqlDbType.Bigint) { TypedValue = atMs });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var sensorId = reader.GetString(0);
                if (!bySensor.TryGetValue(sensorId, out var rows)) bySensor[sensorId] = rows = [];
                rows.Add(Row(sensorId, reader, 1));
            }
        }
        else
        {
            await using var command = CityDatabase.Command(connection, SqliteAsOf, ("@s", ""), ("@at", atMs), ("@lookback", 0L));
            foreach (var (sensorId, lookback) in sensors)
            {
                command.Parameters[0].Value = sensorId;
                command.Parameters[2].Value = (long)lookback.TotalMilliseconds;
                await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                var rows = new List<LoggedReading>();
                while (await reader.ReadAsync(cancellationToken)) rows.Add(Row(sensorId, reader, 0));
                if (rows.Count > 0) bySensor[sensorId] = rows;
            }
        }

        return bySensor.ToDictionary(p => p.Key, p => (IReadOnlyList<LoggedReading>)p.Value, StringComparer.Ordinal);
    }

    /// <summary>One sensor's readings stamped in [from, to), oldest first, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LoggedReading>> Range(string sensorId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, RangeSelect,
            ("@s", sensorId), ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()), ("@limit", (long)limit));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<LoggedReading>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(Row(sensorId, reader, 0));
        return rows;
    }

    private static LoggedReading Row(string sensorId, DbDataReader reader, int first) => new(
        Convert.ToInt64(reader.GetValue(first), CultureInfo.InvariantCulture),
        new SensorReading(sensorId, DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(first + 1), CultureInfo.InvariantCulture)),
            ReadingValues.Decode(reader.GetString(first + 3))),
        DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(first + 2), CultureInfo.InvariantCulture)));
}
