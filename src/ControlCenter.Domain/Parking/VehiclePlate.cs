using System.Text.RegularExpressions;

namespace ControlCenter.Domain.Parking;

/// <summary>
/// Vietnamese civilian number plates, as drivers type them: a two-digit province code (11–99), a series (one or
/// two letters; a motorbike's letter may carry a digit) and a number of five digits (<c>123.45</c>) or, on older
/// plates, four. <c>30A-123.45</c>, <c>30a 123.45</c> and <c>30A12345</c> are one plate, written back as
/// <c>30A-123.45</c>; a motorbike's <c>29-B1 234.56</c> becomes <c>29B1-234.56</c>. Typed without separators,
/// <c>29B12345</c> reads as a car's <c>29B-123.45</c> (the common plate today), not an old <c>29B1-2345</c>.
/// Military and diplomatic plates are not taken by the app (they do not pay at city lots).
/// </summary>
public static partial class VehiclePlate
{
    public const int LongestInput = 20;

    [GeneratedRegex(@"^(?<province>[1-9][0-9])(?<series>[A-Z]{1,2}[0-9]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Head();

    /// <returns>The plate in its canonical form, or null when it is not a Vietnamese civilian plate.</returns>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed) || typed.Length > LongestInput) return null;
        var text = typed.Trim().ToUpperInvariant();
        if (text.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not (' ' or '-' or '.'))) return null;

        // The number is the run of digits at the end (a dot may sit before its last two digits); the rest is the head.
        var start = text.Length;
        while (start > 0 && (char.IsAsciiDigit(text[start - 1]) || text[start - 1] == '.')) start--;
        var written = text[start..];
        var number = written.Replace(".", "", StringComparison.Ordinal);
        var head = text[..start].Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (number.Length == 6 && !written.StartsWith('.') && start > 0 && char.IsAsciiLetter(text[start - 1]))
        {
            // A motorbike's series digit typed against its number: 29B123456.
            head += number[0];
            number = number[1..];
            written = written[1..];
        }

        var dots = written.Count(c => c == '.');
        var dotWellPlaced = dots == 0 || (dots == 1 && number.Length == 5 && written.IndexOf('.', StringComparison.Ordinal) == written.Length - 3);
        if (number.Length is not (4 or 5) || !dotWellPlaced) return null;
        var match = Head().Match(head);
        if (!match.Success || match.Groups["province"].Value == "10") return null;
        var canonicalNumber = number.Length == 5 ? $"{number[..3]}.{number[3..]}" : number;
        return $"{match.Groups["province"].Value}{match.Groups["series"].Value}-{canonicalNumber}";
    }
}
