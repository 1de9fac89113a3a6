using System.Globalization;
using System.Text.RegularExpressions;
using ControlCenter.Domain.Catalog;
using static ControlCenter.Domain.Egov.ServiceFiguresFields;

namespace ControlCenter.Domain.Egov;

/// <summary>The rows of an import that passed every check, or every reason why some did not (then none is taken).</summary>
public sealed record ImportCheck(IReadOnlyList<ServiceFigures> Rows, IReadOnlyList<RowError> Errors)
{
    public bool Ok => Errors.Count == 0;
}

/// <summary>
/// Checks an import row by row: whole numbers from 0 to <see cref="ServiceFiguresLimits.MaxCount"/>, on-time
/// within settled, online procedures within those in force, a real month not after the current one (city time),
/// names present and printable, and each department and month once.
/// </summary>
public static partial class ServiceFiguresValidator
{
    public static ImportCheck Check(FiguresDocument document, DateTimeOffset now)
    {
        var errors = new List<RowError>(document.Errors);
        var rows = new List<ServiceFigures>();
        var seen = new Dictionary<(string, string), int>();
        // A field the parser already refused (a JSON string where a number goes) is reported once, not again as missing.
        var reported = document.Errors.Select(e => (e.Line, e.Field)).ToHashSet();
        var badLines = document.Errors.Select(e => e.Line).ToHashSet();
        foreach (var raw in document.Rows)
        {
            var (row, rowErrors) = Check(raw, now);
            errors.AddRange(rowErrors.Where(e => !(e.Code == RowErrorCodes.Required && reported.Contains((e.Line, e.Field)))));
            if (badLines.Contains(raw.Line)) continue;
            if (row is null) continue;
            if (seen.TryGetValue(row.Key, out var first))
                errors.Add(new RowError(raw.Line, Month, RowErrorCodes.Duplicate, $"{row.Department} {row.Month} is already on line {first}"));
            else
            {
                seen[row.Key] = raw.Line;
                rows.Add(row);
            }
        }

        return new ImportCheck(errors.Count == 0 ? rows : [], [.. errors.OrderBy(e => e.Line)]);
    }

    /// <summary>Checks rows already typed (the grain's second look, with its own clock); line n is the n-th row.</summary>
    public static ImportCheck Check(IReadOnlyList<ServiceFigures> rows, DateTimeOffset now) =>
        Check(new FiguresDocument([.. rows.Select((r, i) => AsRaw(i + 1, r))], []), now);

    private static RawRow AsRaw(int line, ServiceFigures r) => new(line, new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Department] = r.Department, [Name] = r.Name, [NameEn] = r.NameEn, [Month] = r.Month,
        [ProceduresInForce] = Invariant(r.ProceduresInForce), [ApplicationsReceived] = Invariant(r.ApplicationsReceived),
        [Settled] = Invariant(r.Settled), [SettledOnTime] = Invariant(r.SettledOnTime), [Overdue] = Invariant(r.Overdue),
        [OnlineLevel3] = Invariant(r.OnlineLevel3), [OnlineLevel4] = Invariant(r.OnlineLevel4),
    });

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static (ServiceFigures? Row, IReadOnlyList<RowError> Errors) Check(RawRow raw, DateTimeOffset now)
    {
        var errors = new List<RowError>();
        void Fail(string field, string code, string reason) => errors.Add(new RowError(raw.Line, field, code, reason));

        string? Text(string field)
        {
            if (!raw.Fields.TryGetValue(field, out var text)) return null;
            if (string.IsNullOrWhiteSpace(text)) { Fail(field, RowErrorCodes.Required, $"{field} is required"); return null; }
            if (text.Any(IsUnprintable)) { Fail(field, RowErrorCodes.BadText, $"{field} holds control or formatting characters"); return null; }
            if (text.Length > ServiceFiguresLimits.MaxNameLength) { Fail(field, RowErrorCodes.TooLong, $"{field} is at most {ServiceFiguresLimits.MaxNameLength} characters"); return null; }
            return text.Trim();
        }

        long? Count(string field)
        {
            if (!raw.Fields.TryGetValue(field, out var text)) return null;
            var reason = CountProblem(text.Trim(), out var value);
            if (reason is null) return value;
            Fail(field, reason.Value.Code, $"{field} {reason.Value.Reason}");
            return null;
        }

        foreach (var field in All.Where(f => !raw.Fields.ContainsKey(f))) Fail(field, RowErrorCodes.Required, $"{field} is required");

        var department = Text(Department);
        if (department is not null && !EntityId.IsValid(department))
        {
            Fail(Department, RowErrorCodes.BadId, "department is an id of 1 to 64 characters a-z, 0-9 and '-'");
            department = null;
        }

        var name = Text(Name);
        var nameEn = Text(NameEn);
        var month = raw.Fields.TryGetValue(Month, out var monthText) ? MonthProblem(monthText.Trim(), now) : null;
        if (month is { } problem) Fail(Month, problem.Code, problem.Reason);

        var counts = Counts.Select(Count).ToList();
        if (errors.Count > 0 || department is null || name is null || nameEn is null || counts.Any(c => c is null)) return (null, errors);

        var row = new ServiceFigures(department, name, nameEn, monthText!.Trim(),
            counts[0]!.Value, counts[1]!.Value, counts[2]!.Value, counts[3]!.Value, counts[4]!.Value, counts[5]!.Value, counts[6]!.Value);
        if (row.SettledOnTime > row.Settled)
            Fail(SettledOnTime, RowErrorCodes.OnTimeAboveSettled, $"settledOnTime ({row.SettledOnTime}) is more than settled ({row.Settled})");
        if (row.OnlineLevel3 + row.OnlineLevel4 > row.ProceduresInForce)
            Fail(OnlineLevel4, RowErrorCodes.OnlineAboveInForce,
                $"onlineLevel3 + onlineLevel4 ({row.OnlineLevel3 + row.OnlineLevel4}) is more than proceduresInForce ({row.ProceduresInForce})");
        return errors.Count == 0 ? (row, errors) : (null, errors);
    }

    /// <summary>The month a clock reads in the city, as <c>yyyy-MM</c>.</summary>
    public static string CurrentMonth(DateTimeOffset now) => CityTime.Local(now).ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static bool IsMonth(string? text) => text is not null && MonthPattern().IsMatch(text) && text[5..] is not "00" && int.Parse(text[5..], CultureInfo.InvariantCulture) <= 12;

    private static (string Code, string Reason)? MonthProblem(string text, DateTimeOffset now)
    {
        if (!IsMonth(text) || int.Parse(text[..4], CultureInfo.InvariantCulture) < ServiceFiguresLimits.EarliestYear)
            return (RowErrorCodes.BadMonth, $"month is yyyy-MM, from {ServiceFiguresLimits.EarliestYear}-01");
        var current = CurrentMonth(now);
        return string.CompareOrdinal(text, current) > 0 ? (RowErrorCodes.FutureMonth, $"month {text} is after the current month ({current})") : null;
    }

    private static (string Code, string Reason)? CountProblem(string text, out long value)
    {
        value = 0;
        if (text.Length == 0) return (RowErrorCodes.Required, "is required");
        var digits = text.StartsWith('-') ? text[1..] : text;
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return (RowErrorCodes.NotAWholeNumber, "is a whole number written in digits 0-9");
        if (text.StartsWith('-')) return digits.All(c => c == '0') ? null : (RowErrorCodes.Negative, "is not negative");
        // More digits than the cap has is too large however it parses (and never overflows).
        if (digits.TrimStart('0').Length > 8 || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) || value > ServiceFiguresLimits.MaxCount)
            return (RowErrorCodes.TooLarge, $"is at most {ServiceFiguresLimits.MaxCount.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    private static bool IsUnprintable(char c) =>
        char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse;

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}\z", RegexOptions.CultureInvariant)]
    private static partial Regex MonthPattern();
}
