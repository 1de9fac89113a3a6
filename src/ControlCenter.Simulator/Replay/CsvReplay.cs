using System.Globalization;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Simulator.Replay;

/// <summary>One usable row of a recording: when it was measured (in the file's time) and what it becomes.</summary>
public sealed record ReplayRow(int Line, DateTimeOffset MeasuredAt, string SensorId, string Metric, double Value);

/// <summary>A row that was reported and skipped, with why.</summary>
public sealed record SkippedRow(int Line, string Reason);

/// <summary>
/// Turns a recorded CSV into readings through a <see cref="ReplayMapping"/>. Bad rows (missing markers,
/// negative values, counts over capacity, unparsable fields) are reported and skipped, never sent.
/// The files replayed here have no quoted fields; a line with quotes is skipped as unsupported.
/// </summary>
public static class CsvReplay
{
    public static (List<ReplayRow> Rows, List<SkippedRow> Skipped) Read(
        ReplayMapping mapping, TextReader csv, IReadOnlyDictionary<string, int> lotCapacityBySensor, int skip, int take)
    {
        var header = (csv.ReadLine() ?? throw new InvalidDataException("The file is empty.")).Split(',');
        int Column(string name) => Array.IndexOf(header, name) is var i and >= 0 ? i
            : throw new InvalidDataException($"Mapping '{mapping.Name}': no column '{name}' in the file.");
        var tsColumn = Column(mapping.TimestampColumn);
        var valueColumn = Column(mapping.ValueColumn);
        var keyColumn = mapping.KeyColumn is { } k ? Column(k) : -1;
        var capacityColumn = mapping.CapacityColumn is { } c ? Column(c) : -1;
        var zone = TimeZoneInfo.FindSystemTimeZoneById(mapping.TimeZone);

        var rows = new List<ReplayRow>();
        var skipped = new List<SkippedRow>();
        var line = 1;
        for (var text = csv.ReadLine(); text is not null && rows.Count + skipped.Count < take; text = csv.ReadLine())
        {
            line++;
            if (line - 2 < skip) continue;
            var fields = text.Split(',');
            if (text.Contains('"') || fields.Length != header.Length) { skipped.Add(new(line, "unsupported or malformed line")); continue; }

            var sensorId = keyColumn < 0 ? mapping.SensorId : mapping.Sensors.GetValueOrDefault(fields[keyColumn]);
            if (sensorId is null) continue;   // a source this mapping does not replay: not a bad row
            var raw = fields[valueColumn].Trim();
            if (mapping.MissingMarkers.Contains(raw)) { skipped.Add(new(line, $"missing value ({raw})")); continue; }
            if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            { skipped.Add(new(line, $"not a number: '{raw}'")); continue; }
            if (value < mapping.Min) { skipped.Add(new(line, $"{mapping.ValueColumn} {value} below {mapping.Min}")); continue; }
            if (!DateTime.TryParseExact(fields[tsColumn].Trim(), mapping.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            { skipped.Add(new(line, $"bad timestamp '{fields[tsColumn]}'")); continue; }

            if (capacityColumn >= 0)
            {
                if (!double.TryParse(fields[capacityColumn], NumberStyles.Float, CultureInfo.InvariantCulture, out var capacity) || capacity <= 0)
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
