using System.Globalization;
using System.Text.RegularExpressions;

namespace ControlCenter.Domain.Readings;

/// <summary>The contract's timestamps: ISO 8601 date and time with an explicit offset (or Z), nothing else.</summary>
public static partial class IsoTimestamp
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return WithOffset().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}
