using System.Text.Json;

namespace ControlCenter.Domain.Egov;

/// <summary>
/// Reads the import's JSON: an array of objects with the CSV's field names, the counts as JSON numbers and the
/// rest as strings. A row's line is its 1-based position in the array. Unknown fields are refused, so that a
/// misspelt field is never silently dropped.
/// </summary>
public static class ServiceFiguresJson
{
    public static FiguresDocument Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
            return new([], [new RowError(1, "*", RowErrorCodes.Malformed, "the body is a JSON array of rows")]);
        var length = root.GetArrayLength();
        if (length > ServiceFiguresLimits.MaxRows) return new([], [], TooManyRows: true);
        if (length == 0) return new([], [new RowError(1, "*", RowErrorCodes.Empty, "the array has no rows")]);

        var rows = new List<RawRow>();
        var errors = new List<RowError>();
        var line = 0;
        foreach (var element in root.EnumerateArray())
        {
            line++;
            if (element.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new RowError(line, "*", RowErrorCodes.Malformed, "a row is a JSON object"));
                continue;
            }

            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                var name = property.Name;
                var value = property.Value;
                if (!ServiceFiguresFields.All.Contains(name))
                    errors.Add(new RowError(line, Clip(name), RowErrorCodes.UnknownField, $"no field '{Clip(name)}' (the fields are {ServiceFiguresFields.Header})"));
                else if (fields.ContainsKey(name))
                    errors.Add(new RowError(line, name, RowErrorCodes.Duplicate, $"{name} is given twice"));
                else if (value.ValueKind == JsonValueKind.Null) continue;
                else if (ServiceFiguresFields.Counts.Contains(name))
                {
                    if (value.ValueKind == JsonValueKind.Number) fields[name] = value.GetRawText();
                    else errors.Add(new RowError(line, name, RowErrorCodes.WrongType, $"{name} is a JSON number"));
                }
                else if (value.ValueKind == JsonValueKind.String) fields[name] = value.GetString()!;
                else errors.Add(new RowError(line, name, RowErrorCodes.WrongType, $"{name} is a JSON string"));
            }

            rows.Add(new RawRow(line, fields));
        }

        return new FiguresDocument(rows, errors);
    }

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
