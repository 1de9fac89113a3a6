using System.Globalization;
using System.Collections.Concurrent;
using System.Text;

namespace ControlCenter.Host.History;

/// <summary>The history statements; the same text serves SQLite and PostgreSQL.</summary>
public static class HistorySql
{
    private static readonly ConcurrentDictionary<int, string> Inserts = new();

    /// <summary>A multi-row insert; a row already there (a resent reading) is skipped.</summary>
    public static string Insert(int rows) => Inserts.GetOrAdd(rows, static n =>
    {
        var sql = new StringBuilder("INSERT INTO readings (sensor_id, metric, ts_ms, value) VALUES ");
        for (var i = 0; i < n; i++) sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"(@s{i}, @m{i}, @t{i}, @v{i})");
        return sql.Append(" ON CONFLICT DO NOTHING").ToString();
    });

    public const string Exists = "SELECT 1 FROM readings WHERE sensor_id = @s AND ts_ms = @t LIMIT 1";

    /// <summary>Min/avg/max per step; integer division buckets timestamps in both databases.</summary>
    public const string Buckets =
        "SELECT (ts_ms / @step) * @step AS bucket, MIN(value), AVG(value), MAX(value), COUNT(*) FROM readings "
        + "WHERE sensor_id = @s AND metric = @m AND ts_ms >= @from AND ts_ms < @to GROUP BY bucket ORDER BY bucket";

    public const string DeleteOlderThan = "DELETE FROM readings WHERE ts_ms < @cutoff";
}
