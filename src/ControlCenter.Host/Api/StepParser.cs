using System.Globalization;

namespace ControlCenter.Host.Api;

/// <summary>Parses a history step: plain seconds ("300") or a number with a unit ("30s", "5m", "1h", "1d").</summary>
public static class StepParser
{
    private static readonly TimeSpan Longest = TimeSpan.FromDays(366);

    public static bool TryParse(string text, out TimeSpan step)
    {
        step = default;
        if (string.IsNullOrEmpty(text) || text.Length > 12) return false;
        var unit = char.IsLetter(text[^1]) ? text[^1] : 's';
        var digits = char.IsLetter(text[^1]) ? text[..^1] : text;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0) return false;
        double seconds = unit switch { 's' => n, 'm' => n * 60.0, 'h' => n * 3600.0, 'd' => n * 86400.0, _ => -1 };
        if (seconds <= 0 || seconds > Longest.TotalSeconds) return false;
        step = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
