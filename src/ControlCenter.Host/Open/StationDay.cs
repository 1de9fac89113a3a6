using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Open;

/// <summary>One station's local day from the readings log, hour by hour: the figures of each <see cref="StationColumns"/> column.</summary>
public sealed class StationDay
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>Midnight in Hanoi (no daylight saving: every day has 24 hours).</summary>
    public DateTimeOffset Start { get; }

    public IReadOnlyList<StationColumns.Column> Columns { get; }

    /// <summary>Each hour's value per column; a column without data in an hour is absent from that hour.</summary>
    public IReadOnlyList<(DateTimeOffset Hour, IReadOnlyDictionary<string, double> Values)> Hours { get; }

    private StationDay(DateTimeOffset start, IReadOnlyList<StationColumns.Column> columns, IReadOnlyList<(DateTimeOffset, IReadOnlyDictionary<string, double>)> hours) =>
        (Start, Columns, Hours) = (start, columns, hours);

    /// <summary>Midnight of <paramref name="date"/> in Hanoi; the caller has checked the date is within the retention.</summary>
    public static DateTimeOffset Midnight(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), CityTime.Zone.BaseUtcOffset);

    public static async Task<StationDay> Read(
        Sensor station, DateOnly date, ReadingHistory history, ThresholdSource thresholds, CancellationToken cancellationToken)
    {
        var start = Midnight(date);
        var end = start.AddDays(1);
        var columns = StationColumns.Of(station);
        var hasAqi = columns.Any(c => c.Name == StationColumns.Aqi);
        var lookBack = hasAqi ? thresholds.Packs.VnAqi.NowCastHours : 1;

        var series = new Dictionary<string, Dictionary<DateTimeOffset, HistoryPoint>>(StringComparer.Ordinal);
        foreach (var metric in columns.Where(c => c.IsMetric).Select(c => c.Name))
        {
            var points = await history.Query(station.Id, metric, start - Hour * (lookBack - 1), end, Hour, cancellationToken);
            series[metric] = points.ToDictionary(p => p.Ts);
        }

        var hours = new List<(DateTimeOffset, IReadOnlyDictionary<string, double>)>(24);
        for (var hour = start; hour < end; hour += Hour)
        {
            var values = new Dictionary<string, double>(StringComparer.Ordinal);
            long readings = 0;
            foreach (var column in columns.Where(c => c.IsMetric))
            {
                if (!series[column.Name].TryGetValue(hour, out var point)) continue;
                values[column.Name] = column.Sum ? point.Avg * point.Count : point.Avg;
                readings = Math.Max(readings, point.Count);
            }

            if (hasAqi && Aqi(series, hour, lookBack, thresholds) is { } aqi) values[StationColumns.Aqi] = aqi;
            values[StationColumns.Readings] = readings;
            hours.Add((hour, values));
        }

        return new StationDay(start, columns, hours);
    }

    /// <summary>As the live figure: NowCast over the hourly means of the hours up to this one.</summary>
    private static int? Aqi(Dictionary<string, Dictionary<DateTimeOffset, HistoryPoint>> series, DateTimeOffset hour, int lookBack, ThresholdSource thresholds)
    {
        var window = OpenHistory.AqiPollutants.Where(series.ContainsKey).ToDictionary(m => m, m => (IReadOnlyList<double?>)[.. Enumerable.Range(0, lookBack)
            .Select(k => series[m].TryGetValue(hour - Hour * k, out var p) ? p.Avg : (double?)null)]);
        return thresholds.Aqi.Hourly(window).Aqi;
    }
}
