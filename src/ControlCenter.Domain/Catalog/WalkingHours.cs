
namespace ControlCenter.Domain.Catalog;

/// <summary>Reads a walking street's weekly hours: is it open at a moment, and when does that next change.</summary>
public static class WalkingHours
{
    private const int MinutesPerDay = 24 * 60;
    private const int MinutesPerWeek = 7 * MinutesPerDay;

    public static bool IsOpen(WalkingStreet street, DateTimeOffset at)
    {
        var now = MinuteOfWeek(at);
        return street.Hours.Any(w => Contains(w, now));
    }

    /// <summary>The next moment the street opens or closes, within a week; null if its hours never change.</summary>
    public static DateTimeOffset? NextChange(WalkingStreet street, DateTimeOffset at)
    {
        var now = MinuteOfWeek(at);
        var ahead = street.Hours
            .SelectMany(w => new[] { Parse(w.Opens), Parse(w.Closes) })
            .OfType<int>()
            .Select(boundary => ((boundary - now) % MinutesPerWeek + MinutesPerWeek) % MinutesPerWeek)
            .Where(minutes => minutes > 0)
            .DefaultIfEmpty(-1)
            .Min();
        if (ahead < 0) return null;
        var local = CityTime.Local(at);
        var minuteStart = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, local.Minute, 0, local.Offset);
        return minuteStart.AddMinutes(ahead);
    }

    /// <summary>"friday 19:00" as minutes from Monday 00:00; "24:00" is the next day's midnight. Null when malformed.</summary>
    public static int? Parse(string weekTime)
    {
        var parts = weekTime.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !Enum.TryParse<DayOfWeek>(parts[0], ignoreCase: true, out var day) || !char.IsLetter(parts[0][0])) return null;
        var clock = parts[1].Split(':');
        if (clock.Length != 2 || !int.TryParse(clock[0], out var hour) || !int.TryParse(clock[1], out var minute)) return null;
        if (hour is < 0 or > 24 || minute is < 0 or > 59 || (hour == 24 && minute != 0)) return null;
        return (DayIndex(day) * MinutesPerDay + hour * 60 + minute) % MinutesPerWeek;
    }

    public static bool IsValid(WeeklyWindow window) =>
        Parse(window.Opens) is { } opens && Parse(window.Closes) is { } closes && opens != closes;

    private static bool Contains(WeeklyWindow window, int minute) =>
        (Parse(window.Opens), Parse(window.Closes)) switch
        {
            ({ } opens, { } closes) when opens < closes => minute >= opens && minute < closes,
            // A window across the week's turn (Sunday night into Monday).
            ({ } opens, { } closes) when opens > closes => minute >= opens || minute < closes,
            _ => false,
        };

    private static int MinuteOfWeek(DateTimeOffset at)
    {
        var local = CityTime.Local(at);
        return DayIndex(local.DayOfWeek) * MinutesPerDay + local.Hour * 60 + local.Minute;
    }

    /// <summary>Monday is 0: the week the schedules are written in.</summary>
    private static int DayIndex(DayOfWeek day) => ((int)day + 6) % 7;
}
