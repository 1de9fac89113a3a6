using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Open;

/// <summary>Hourly series from the readings log for the public surface: a station's last 24 h, a gauge's day total.</summary>
public sealed class OpenHistory(ReadingHistory history, ThresholdSource thresholds, TimeProvider time)
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    public static readonly string[] AqiPollutants = ["pm25", "pm10", "no2", "o3", "co", "so2"];

    public sealed record AirHour(DateTimeOffset Hour, int? Aqi, string? MainPollutant, double? Pm25, double? Pm10);

    public sealed record MetricHour(DateTimeOffset Hour, double Mean, double Min, double Max, long Count);

    /// <summary>The start of the hour after now: the series' end (the current hour is included, still filling).</summary>
    public DateTimeOffset NextHour()
    {
        var now = time.GetUtcNow();
        return new DateTimeOffset(now.Ticks - now.Ticks % Hour.Ticks, TimeSpan.Zero) + Hour;
    }

    /// <summary>Each of the last 24 hours' VN_AQI (NowCast over the hourly means, as the live figure), newest last.</summary>
    public async Task<IReadOnlyList<AirHour>> AirDay(Sensor station, CancellationToken cancellationToken)
    {
        var end = NextHour();
        var lookBack = thresholds.Packs.VnAqi.NowCastHours;
        var start = end - Hour * (24 + lookBack);
        var means = new Dictionary<string, Dictionary<DateTimeOffset, double>>(StringComparer.Ordinal);
        foreach (var metric in AqiPollutants.Where(station.Metrics.Contains))
        {
            var points = await history.Query(station.Id, metric, start, end, Hour, cancellationToken);
            means[metric] = points.ToDictionary(p => p.Ts, p => p.Avg);
        }

        var hours = new List<AirHour>(24);
        for (var i = 23; i >= 0; i--)
        {
            var hour = end - Hour * (i + 1);
            var window = means.ToDictionary(m => m.Key, m => (IReadOnlyList<double?>)[.. Enumerable.Range(0, lookBack)
                .Select(k => m.Value.TryGetValue(hour - Hour * k, out var v) ? v : (double?)null)]);
            var result = thresholds.Aqi.Hourly(window);
            hours.Add(new AirHour(hour, result.Aqi, result.DominantPollutant, MeanAt(means, "pm25", hour), MeanAt(means, "pm10", hour)));
        }

        return hours;
    }

    /// <summary>A metric's hourly mean, min and max over the last 24 hours (hours without readings left out).</summary>
    public async Task<IReadOnlyList<MetricHour>> Day(string sensorId, string metric, CancellationToken cancellationToken)
    {
        var end = NextHour();
        var points = await history.Query(sensorId, metric, end - Hour * 24, end, Hour, cancellationToken);
        return [.. points.Select(p => new MetricHour(p.Ts, Math.Round(p.Avg, 2), p.Min, p.Max, p.Count))];
    }

    /// <summary>Rain fallen over the last 24 hours: readings report the fall since the previous one, so it is their sum.</summary>
    public async Task<double> RainDay(string gaugeId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var points = await history.Query(gaugeId, "rainMm", now.AddHours(-24), now, TimeSpan.FromHours(24), cancellationToken);
        return points.Sum(p => p.Avg * p.Count);
    }

    private static double? MeanAt(Dictionary<string, Dictionary<DateTimeOffset, double>> means, string metric, DateTimeOffset hour) =>
        means.TryGetValue(metric, out var series) && series.TryGetValue(hour, out var mean) ? Math.Round(mean, 1) : null;
}
