namespace ControlCenter.Domain.Air;

/// <summary>
/// NowCast of hourly means, as VN_AQI uses it for PM2.5 and PM10: weight w = Cmin/Cmax over the window,
/// floored; NowCast = Σ w^(i−1)·cᵢ / Σ w^(i−1) over the hours that have data (i = 1 is the latest hour).
/// </summary>
public static class NowCast
{
    /// <param name="hourlyMeans">Hourly means, latest first; null where an hour has no data.</param>
    /// <param name="hours">How many hours the window looks back.</param>
    /// <param name="minWeight">The weight floor.</param>
    /// <param name="minRecentHours">How many of the 3 latest hours must have data.</param>
    /// <returns>The NowCast, or null when too few recent hours have data.</returns>
    public static double? Compute(IReadOnlyList<double?> hourlyMeans, int hours, double minWeight, int minRecentHours)
    {
        var recent = hourlyMeans.Take(3).Count(c => c.HasValue);
        if (recent < minRecentHours) return null;

        var window = hourlyMeans.Take(hours).ToArray();
        var present = window.Where(c => c.HasValue).Select(c => c!.Value).ToArray();
        var max = present.Max();
        if (max <= 0) return 0;

        var weight = Math.Max(present.Min() / max, minWeight);
        double numerator = 0, denominator = 0;
        for (var i = 0; i < window.Length; i++)
        {
            if (window[i] is not { } c) continue;
            var factor = Math.Pow(weight, i);
            numerator += factor * c;
            denominator += factor;
        }

        return numerator / denominator;
    }
}
