using System.Globalization;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall;

/// <summary>
/// A walking street as the map draws it at one moment: its path, whether it is open to walkers (a strong dashed
/// line) or not (a faint one), and a label naming it and when that changes, in city time.
/// </summary>
public sealed record WalkingStreetLine(string Id, IReadOnlyList<IReadOnlyList<double>> Path, bool Open, string Label)
{
    /// <summary>The street at <paramref name="at"/>, by the same hours the rules read (<see cref="WalkingHours"/>).</summary>
    public static WalkingStreetLine Of(WalkingStreet street, DateTimeOffset at, IStringLocalizer words, bool english)
    {
        var open = WalkingHours.IsOpen(street, at);
        var name = english ? street.NameEn : street.Name;
        var label = WalkingHours.NextChange(street, at) is { } change
            ? $"{name} — {words[open ? "WalkingOpenUntil" : "WalkingOpens", When(change, at, words)]}"
            : name;
        return new(street.Id, street.Path, open, label);
    }

    /// <summary>"19:00" later today, else with the day ("19:00 Thứ Sáu"); a change at midnight reads "24:00" of the day it ends.</summary>
    public static string When(DateTimeOffset change, DateTimeOffset at, IStringLocalizer words)
    {
        var local = CityTime.Local(change);
        var midnight = local.TimeOfDay == TimeSpan.Zero;
        var day = midnight ? local.AddDays(-1) : local;
        var time = midnight ? "24:00" : local.ToString("HH:mm", CultureInfo.CurrentCulture);
        if (day.Date == CityTime.Local(at).Date) return time;
        var pattern = words["WalkingDayTime"].Value.Replace("HH:mm", "'" + time + "'", StringComparison.Ordinal);
        return day.ToString(pattern, CultureInfo.CurrentCulture);
    }
}
