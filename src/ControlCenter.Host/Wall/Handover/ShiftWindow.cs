using System.Globalization;
using ControlCenter.Domain;

namespace ControlCenter.Host.Wall.Handover;

/// <summary>
/// The stretch of time a handover covers. Shifts change at 06:00 and 18:00 Hanoi time; a handover written in the
/// first hour of a shift is still about the shift that just ended, so the default reaches back to its start.
/// </summary>
public sealed record ShiftWindow(DateTimeOffset From, DateTimeOffset To)
{
    public static readonly TimeSpan[] ShiftStarts = [TimeSpan.FromHours(6), TimeSpan.FromHours(18)];

    /// <summary>The longest window a handover reads (a month of alerts is already more than a shift can hand over).</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(31);

    /// <summary>How a chosen time is written in links and the form: Hanoi local time, to the minute.</summary>
    public const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    /// <summary>The latest shift change at or before <paramref name="at"/>.</summary>
    public static DateTimeOffset ShiftStart(DateTimeOffset at)
    {
        var local = CityTime.Local(at);
        var offset = local.Offset;
        var starts = new[] { -1, 0 }.SelectMany(day => ShiftStarts.Select(time => new DateTimeOffset(local.Date.AddDays(day) + time, offset)));
        return starts.Where(s => s <= local).Max().ToUniversalTime();
    }

    /// <summary>The current shift, or the one that just ended during a new shift's first hour.</summary>
    public static ShiftWindow Default(DateTimeOffset now) => new(ShiftStart(now - TimeSpan.FromHours(1)), now);

    /// <summary>
    /// Reads the page's query: <c>hours</c> back from now, or <c>from</c> (and optionally <c>to</c>) in Hanoi time
    /// as <see cref="LocalFormat"/>; nothing means <see cref="Default"/>. Returns null with a problem for bad input.
    /// </summary>
    public static ShiftWindow? Parse(string? from, string? to, int? hours, DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (hours is not null)
        {
            if (hours is >= 1 and <= 24 * 31) return new(now - TimeSpan.FromHours(hours.Value), now);
            problem = "hours";
            return null;
        }

        if (string.IsNullOrEmpty(from)) return Default(now);
        if (!TryLocal(from, out var start) || (to is { Length: > 0 } && !TryLocal(to, out _)))
        {
            problem = "format";
            return null;
        }

        var end = to is { Length: > 0 } && TryLocal(to, out var chosen) && chosen < now ? chosen : now;
        if (start >= end || end - start > Longest)
        {
            problem = "range";
            return null;
        }

        return new(start, end);
    }

    public static string Local(DateTimeOffset at) => CityTime.Local(at).ToString(LocalFormat, CultureInfo.InvariantCulture);

    private static bool TryLocal(string text, out DateTimeOffset at)
    {
        at = default;
        if (text.Length > 32 || !DateTime.TryParseExact(text, [LocalFormat, "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            return false;
        at = new DateTimeOffset(local, CityTime.Zone.GetUtcOffset(local)).ToUniversalTime();
        return true;
    }
}
