using System.Globalization;

namespace ControlCenter.Storage.Log;

/// <summary>The log read as history: downsampled ranges of one metric, and deletion past the retention period.</summary>
public sealed class ReadingHistory(CityDatabase database)
{
    private const string SqliteBuckets =
        "SELECT (ts_ms / @step) * @step AS bucket, MIN(v), AVG(v), MAX(v), COUNT(*) FROM "
        + "(SELECT ts_ms, json_extract(vals, @path) AS v FROM reading_log WHERE sensor_id = @s AND ts_ms >= @from AND ts_ms < @to) "
        + "WHERE v IS NOT NULL GROUP BY bucket ORDER BY bucket";

    private const string PostgresBuckets =
        "SELECT (ts_ms / @step) * @step AS bucket, MIN(v), AVG(v), MAX(v), COUNT(*) FROM "
        + "(SELECT ts_ms, (vals::jsonb ->> @path)::float8 AS v FROM reading_log WHERE sensor_id = @s AND ts_ms >= @from AND ts_ms < @to) AS r "
        + "WHERE v IS NOT NULL GROUP BY bucket ORDER BY bucket";

    /// <summary>
    /// A sensor's newest row stays whatever its age: it carries the sensor's last position, from which the next
    /// append numbers on (a sensor silent for longer than the retention must not start again at 1).
    /// </summary>
    private const string DeleteOlder =
        "DELETE FROM reading_log WHERE sensor_id = @s AND ts_ms < @cutoff "
        + "AND seq < (SELECT MAX(seq) FROM reading_log WHERE sensor_id = @s)";

    /// <summary>Min/avg/max of <paramref name="metric"/> per step; integer division buckets timestamps in both databases.</summary>
    public async Task<IReadOnlyList<HistoryPoint>> Query(
        string sensorId, string metric, DateTimeOffset from, DateTimeOffset to, TimeSpan step, CancellationToken cancellationToken)
    {
        if (metric.Length == 0 || !metric.All(char.IsAsciiLetterOrDigit))
            throw new ArgumentException($"'{metric}' is not a metric name.", nameof(metric));
        var postgres = database.Provider == DatabaseProvider.PostgreSql;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, postgres ? PostgresBuckets : SqliteBuckets,
            ("@step", (long)step.TotalMilliseconds), ("@s", sensorId), ("@path", postgres ? metric : $"$.\"{metric}\""),
            ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<HistoryPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new HistoryPoint(
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)),
                Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture),
                Math.Round(Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), 4),
                Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return points;
    }

    /// <summary>Deletes the given sensors' rows older than <paramref name="cutoff"/> (one sensor at a time, by the key's index).</summary>
    public async Task<int> DeleteOlderThan(IEnumerable<string> sensorIds, DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, DeleteOlder, ("@s", ""), ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
        var deleted = 0;
        foreach (var sensorId in sensorIds)
        {
            command.Parameters[0].Value = sensorId;
            deleted += await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return deleted;
    }
}
