using System.Globalization;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Wall.Handover;

/// <summary>The handover pages' query (<c>from</c>, <c>to</c>, <c>hours</c>) read into a window, or a problem in the wall's words.</summary>
public static class HandoverQuery
{
    public static (ShiftWindow? Window, string? Problem) Read(string? from, string? to, string? hours, DateTimeOffset now, IStringLocalizer words)
    {
        int? hourCount = null;
        if (hours is { Length: > 0 })
        {
            if (!int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return (null, words["HandoverBadHours"]);
            hourCount = parsed;
        }

        var window = ShiftWindow.Parse(from, to, hourCount, now, out var problem);
        return problem switch
        {
            null => (window, null),
            "hours" => (null, words["HandoverBadHours"]),
            "range" => (null, string.Format(CultureInfo.CurrentCulture, words["HandoverBadRange"], ShiftWindow.Longest.TotalDays)),
            _ => (null, words["HandoverBadTime"]),
        };
    }
}
