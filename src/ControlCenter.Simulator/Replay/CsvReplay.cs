using System.Globalization;
using ControlCenter.Scenarios.Ingest;
using nietras.SeparatedValues;

namespace ControlCenter.Simulator.Replay;

/// <summary>One usable row of a recording: when it was measured (in the file's time) and what it becomes.</summary>
public sealed record ReplayRow(int Line, DateTimeOffset MeasuredAt, string SensorId, string Metric, double Value);

/// <summary>A row that was reported and skipped, with why.</summary>
public sealed record SkippedRow(int Line, string Reason);

/// <summary>
/// Turns a recorded CSV into readings through a <see cref="ReplayMapping"/>. Bad rows (missing markers,
/// negative values, counts over capacity, unparsable fields, a wrong number of fields) are reported and skipped,
/// never sent. Fields may be quoted (RFC 4180), so a car park named "NIA, North" is one field.
/// </summary>
/// <remarks>
/// Read with Sep rather than CsvHelper: the mapping picks columns by header name at run time, so CsvHelper's
/// class mapping would go unused, and Sep needs no other package and allocates nothing per field it is not asked for.
/// </remarks>
public static class CsvReplay
{
    public static (List<ReplayRow> Rows, List<SkippedRow> Skipped) Read(
        ReplayMapping mapping, TextReader csv, IReadOnlyDictionary<string, int> lotCapacityBySensor, int skip, int take)
    {
        using var reader = Sep.Reader(o => o with { Sep = new Sep(','), Unescape = true, DisableColCountCheck = true }).From(csv);
        if (reader.Header.IsEmpty) throw new InvalidDataException("The file is empty.");
        var header = reader.Header.ColNames;
        int Column(string name) => reader.Header.TryIndexOf(name, out var i) ? i
            : throw new InvalidDataException($"Mapping '{mapping.Name}': no column '{name}' in the file.");
        var tsColumn = Column(mapping.TimestampColumn);
        var valueColumn = Column(mapping.ValueColumn);
        var keyColumn = mapping.KeyColumn is { } k ? Column(k) : -1;
        var capacityColumn = mapping.CapacityColumn is { } c ? Column(c) : -1;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(mapping.TimeZone);

        var rows = new List<ReplayRow>();
        var skipped = new List<SkippedRow>();
        var dataRows = 0;
        foreach (var row in reader)
        {
            if (rows.Count + skipped.Count >= take) break;
            if (dataRows++ < skip) continue;
            var line = row.LineNumberFrom;
            if (row.ColCount != header.Count) { skipped.Add(new(line, $"malformed line: {row.ColCount} fields, the header has {header.Count}")); continue; }

            var sensorId = keyColumn < 0 ? mapping.SensorId : mapping.Sensors.GetValueOrDefault(row[keyColumn].ToString());
            if (sensorId is null) continue;   // a source this mapping does not replay: not a bad row
            var raw = row[valueColumn].ToString().Trim();
            if (mapping.MissingMarkers.Contains(raw)) { skipped.Add(new(line, $"missing value ({raw})")); continue; }
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            { skipped.Add(new(line, $"not a number: '{raw}'")); continue; }
            if (value < mapping.Min) { skipped.Add(new(line, $"{mapping.ValueColumn} {value} below {mapping.Min}")); continue; }
            var stamp = row[tsColumn].ToString();
            if (!DateTime.TryParseExact(stamp.Trim(), mapping.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            { skipped.Add(new(line, $"bad timestamp '{stamp}'")); continue; }

            if (capacityColumn >= 0)
            {
                if (!double.TryParse(row[capacityColumn].Span, NumberStyles.Float, CultureInfo.InvariantCulture, out var capacity) || capacity <= 0)
                { skipped.Add(new(line, "no capacity")); continue; }
                if (value > capacity) { skipped.Add(new(line, $"{mapping.ValueColumn} {value} over capacity {capacity}")); continue; }
                value = Math.Round(value / capacity * lotCapacityBySensor.GetValueOrDefault(sensorId, (int)capacity));
            }

            rows.Add(new(line, new DateTimeOffset(local, zone.GetUtcOffset(local)), sensorId, mapping.Metric, value));
        }

        return (rows, skipped);
    }

    /// <summary>Readings with the recording's timeline moved so that its last row lands at <paramref name="lastAt"/>.</summary>
    public static List<Reading> ShiftedReadings(IReadOnlyList<ReplayRow> rows, DateTimeOffset lastAt)
    {
        if (rows.Count == 0) return [];
        var shift = lastAt - rows.Max(r => r.MeasuredAt);
        return [.. rows.Select(r => new Reading(r.SensorId, r.MeasuredAt + shift, new() { [r.Metric] = r.Value }))];
    }
}
