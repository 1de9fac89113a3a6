using ControlCenter.Contracts.Messages;

namespace ControlCenter.Storage.Log;

/// <summary>
/// One group commit's rows: every distinct (sensor, ts) of the waiting callers once, sorted by key (so SQLite inserts
/// in index order and both dialects number a sensor's rows of one commit by time). A key a caller repeats, or that an
/// earlier caller of the group sent, is that later reading's duplicate; the first one goes to the database.
/// </summary>
public sealed class GroupPlan
{
    private readonly int[][] _rowOf;

    private GroupPlan(IReadOnlyList<LogRow> rows, int[][] rowOf, int readings)
    {
        Rows = rows;
        _rowOf = rowOf;
        Readings = readings;
    }

    public IReadOnlyList<LogRow> Rows { get; }

    public int Readings { get; }

    public static GroupPlan Of(IReadOnlyList<LogAppend> group)
    {
        var firstOf = new Dictionary<(string, long), int>();
        var rows = new List<LogRow>();
        var rowOf = new int[group.Count][];
        var readings = 0;
        for (var a = 0; a < group.Count; a++)
        {
            var append = group[a];
            rowOf[a] = new int[append.Readings.Count];
            for (var r = 0; r < append.Readings.Count; r++)
            {
                SensorReading reading = append.Readings[r];
                var key = (reading.SensorId, reading.Ts.ToUnixTimeMilliseconds());
                if (firstOf.TryAdd(key, rows.Count))
                {
                    rowOf[a][r] = rows.Count;
                    rows.Add(new LogRow(key.SensorId, key.Item2, append.ReceivedMs, ReadingValues.Encode(reading.Values)));
                }
                else
                {
                    rowOf[a][r] = -1;
                }
            }

            readings += append.Readings.Count;
        }

        var order = Enumerable.Range(0, rows.Count)
            .OrderBy(i => rows[i].SensorId, StringComparer.Ordinal).ThenBy(i => rows[i].TsMs).ToArray();
        var sortedIndex = new int[rows.Count];
        for (var i = 0; i < order.Length; i++) sortedIndex[order[i]] = i;
        foreach (var map in rowOf)
        {
            for (var r = 0; r < map.Length; r++) map[r] = map[r] < 0 ? -1 : sortedIndex[map[r]];
        }

        return new GroupPlan([.. order.Select(i => rows[i])], rowOf, readings);
    }

    /// <summary>Per caller, per reading: the position the commit gave it, or 0 (a duplicate, in the log or in the group).</summary>
    public long[][] Results(long[] positions) =>
        [.. _rowOf.Select(map => map.Select(row => row < 0 ? 0 : positions[row]).ToArray())];
}
