using System.Globalization;
using System.Text;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open;

/// <summary>
/// A <see cref="StationDay"/> as RFC 4180 CSV (UTF-8, CRLF): <c>#</c> comment lines naming the station, the day,
/// the licence, the source and each column's unit, then the header row and one row per hour. An hour without
/// data has empty cells (and 0 readings).
/// </summary>
public static class StationCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static byte[] Write(Sensor station, DateOnly date, StationDay day, OpenDataOptions options)
    {
        var csv = new StringBuilder();
        Comment(csv, $"Trạm / Station: {station.Id}, {station.Name} / {station.NameEn} ({station.Kind})");
        Comment(csv, $"Ngày / Date: {date:yyyy-MM-dd}, giờ Hà Nội / Hanoi time (UTC+07:00)");
        Comment(csv, $"Giấy phép / Licence: {options.Licence}");
        Comment(csv, $"Nguồn / Source: {options.Source}");
        Comment(csv, "hour: đầu giờ, ISO 8601 giờ địa phương / start of the hour, ISO 8601 local time");
        foreach (var column in day.Columns)
            Comment(csv, $"{column.Name}: {(column.Unit.Length > 0 ? column.Unit + ", " : "")}{column.What} / {column.WhatEn}");
        Comment(csv, "Ô trống: không có số liệu / Empty cell: no data");

        Row(csv, ["hour", .. day.Columns.Select(c => c.Name)]);
        foreach (var (hour, values) in day.Hours)
            Row(csv, [Time(hour), .. day.Columns.Select(c => values.TryGetValue(c.Name, out var v) ? Number(v) : "")]);
        return new UTF8Encoding(false).GetBytes(csv.ToString());
    }

    public static string Time(DateTimeOffset at) => CityTime.Local(at).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>Two decimals at most, never an exponent; adding 0.0 turns a rounded -0 into 0.</summary>
    private static string Number(double value) => (Math.Round(value, 2) + 0.0).ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>A comment is one line whatever the catalogue's names hold.</summary>
    private static void Comment(StringBuilder csv, string text) =>
        csv.Append("# ").Append(text.ReplaceLineEndings(" ")).Append("\r\n");

    private static void Row(StringBuilder csv, IEnumerable<string> fields) =>
        csv.AppendJoin(',', fields.Select(Field)).Append("\r\n");

    /// <summary>RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.</summary>
    public static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
