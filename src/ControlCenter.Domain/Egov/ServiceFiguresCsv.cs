using System.Text;

namespace ControlCenter.Domain.Egov;

/// <summary>
/// Reads the import's CSV (RFC 4180): a header row naming every field once (in any order), then one row per
/// department and month. Fields may be quoted (<c>"Sở Lao động, Thương binh"</c>, a quote doubled inside);
/// lines end in CRLF or LF; a UTF-8 byte order mark and blank lines are ignored. Line numbers count physical
/// lines, the header being line 1, so that an error points where an editor shows the row.
/// </summary>
public static class ServiceFiguresCsv
{
    public static FiguresDocument Parse(string text)
    {
        if (text.StartsWith('\uFEFF')) text = text[1..];
        var records = Records(text).Where(r => !(r.Fields.Count == 1 && r.Fields[0].Length == 0 && !r.Quoted)).GetEnumerator();
        if (!records.MoveNext()) return Fail(1, RowErrorCodes.Empty, $"the file is empty: the first line is the header {ServiceFiguresFields.Header}");
        var header = records.Current;
        if (header.Error is { } headerError) return Fail(header.Line, RowErrorCodes.Malformed, headerError);
        var names = header.Fields.Select(f => f.Trim()).ToList();
        var missing = ServiceFiguresFields.All.Except(names, StringComparer.Ordinal).ToList();
        var unknown = names.Except(ServiceFiguresFields.All, StringComparer.Ordinal).ToList();
        if (missing.Count > 0 || unknown.Count > 0 || names.Count != names.Distinct(StringComparer.Ordinal).Count())
            return Fail(header.Line, RowErrorCodes.BadHeader,
                $"the header names each of {ServiceFiguresFields.Header} once"
                + (missing.Count > 0 ? $"; missing: {string.Join(", ", missing)}" : "")
                + (unknown.Count > 0 ? $"; unknown: {string.Join(", ", unknown.Select(Clip))}" : ""));

        var rows = new List<RawRow>();
        var errors = new List<RowError>();
        var count = 0;
        while (records.MoveNext())
        {
            var record = records.Current;
            if (++count > ServiceFiguresLimits.MaxRows) return new FiguresDocument([], [], TooManyRows: true);
            if (record.Error is { } error)
            {
                errors.Add(new RowError(record.Line, "*", RowErrorCodes.Malformed, error));
                continue;
            }

            if (record.Fields.Count != names.Count)
            {
                errors.Add(new RowError(record.Line, "*", RowErrorCodes.Malformed, $"the row has {record.Fields.Count} fields, the header {names.Count}"));
                continue;
            }

            rows.Add(new RawRow(record.Line, names.Zip(record.Fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)));
        }

        if (rows.Count == 0 && errors.Count == 0) return Fail(header.Line, RowErrorCodes.Empty, "the file has a header but no rows");
        return new FiguresDocument(rows, errors);
    }

    private static FiguresDocument Fail(int line, string code, string reason) => new([], [new RowError(line, "*", code, reason)]);

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private sealed record Record(int Line, List<string> Fields, bool Quoted, string? Error);

    /// <summary>Splits the text into records; a record that breaks the quoting rules carries an error instead.</summary>
    private static IEnumerable<Record> Records(string text)
    {
        var line = 1;
        var i = 0;
        while (i < text.Length || (i == 0 && text.Length == 0))
        {
            var start = line;
            var fields = new List<string>();
            var field = new StringBuilder();
            var quoted = false;
            string? error = null;
            while (true)
            {
                if (i < text.Length && text[i] == '"' && field.Length == 0)
                {
                    quoted = true;
                    i++;
                    while (true)
                    {
                        if (i >= text.Length) { error = "a quoted field is not closed"; break; }
                        if (text[i] == '"')
                        {
                            if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                            i++;
                            break;
                        }

                        if (text[i] == '\n') line++;
                        field.Append(text[i++]);
                    }

                    if (error is null && i < text.Length && text[i] is not (',' or '\r' or '\n')) error = "a closing quote must end its field";
                }
                else
                {
                    while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
                    {
                        if (text[i] == '"' && error is null) error = "a quote inside an unquoted field (quote the whole field and double the quote)";
                        field.Append(text[i++]);
                    }
                }

                fields.Add(field.ToString());
                field.Clear();
                if (error is not null) i = SkipToLineEnd(text, i);
                if (i < text.Length && text[i] == ',' && error is null) { i++; continue; }
                break;
            }

            if (i < text.Length && text[i] == '\r') i++;
            if (i < text.Length && text[i] == '\n') i++;
            yield return new Record(start, fields, quoted, error);
            line++;
            if (text.Length == 0) yield break;
        }
    }

    private static int SkipToLineEnd(string text, int i)
    {
        while (i < text.Length && text[i] is not ('\r' or '\n')) i++;
        return i;
    }
}
