using System.Globalization;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Scenarios;

/// <summary>
/// Where a scenario's city clock starts. Only the readings' values follow it (their stamps stay real: the centre
/// refuses stamps far from its own clock), so a storm can fall on a Saturday night's crowd on any day of the week.
/// </summary>
public static class ScenarioClock
{
    public static bool IsValid(string? cityStart) =>
        cityStart is null || WalkingHours.Parse(cityStart) is not null || TryParseMoment(cityStart, out _);

    /// <summary>
    /// In city time: now when <paramref name="cityStart"/> is null; the latest weekly moment at or before now for
    /// "saturday 20:00" (the walking streets' notation); else the date and time it gives.
    /// </summary>
    public static DateTimeOffset CityStart(string? cityStart, DateTimeOffset now)
    {
        var local = CityTime.Local(now);
        if (cityStart is null) return local;
        if (WalkingHours.Parse(cityStart) is { } minuteOfWeek)
        {
            var monday = local.Date.AddDays(-(((int)local.DayOfWeek + 6) % 7));
            var start = new DateTimeOffset(monday, local.Offset).AddMinutes(minuteOfWeek);
            return start <= local ? start : start.AddDays(-7);
        }

        return TryParseMoment(cityStart, out var moment) ? CityTime.Local(moment)
            : throw new FormatException($"cityStart '{cityStart}' is neither \"saturday 20:00\" nor a date and time with its offset.");
    }

    /// <summary>A date and time with an explicit offset ("2027-02-05T21:00:00+07:00"); without one the moment is ambiguous.</summary>
    private static bool TryParseMoment(string text, out DateTimeOffset moment) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out moment)
        && text.Length > "yyyy-MM-ddTHH:mm:ss".Length;
}
