using System.Collections.Immutable;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Sensors;

/// <summary>Folds one new reading into a sensor's state: latest values, air hour buckets, rain falls.</summary>
public static class ReadingBuffers
{
    private const long HourMs = 3_600_000;
    private const long MinuteMs = 60_000;
    /// <summary>NowCast looks back 12 hours; keep one more so the window is whole at an hour's turn.</summary>
    private const int HoursKept = 13;
    /// <summary>The rain → West Lake rule compares oxygen over 3 hours.</summary>
    public static readonly TimeSpan OxygenWindow = TimeSpan.FromHours(3);

    /// <param name="now">The server's clock: a reading stamped ahead of it (within the ingest tolerance) counts
    /// as taken now, so one fast gateway clock cannot hide the readings that follow it.</param>
    public static SensorGrainState Apply(SensorGrainState state, string kind, SensorReading reading, DateTimeOffset now)
    {
        var tsMs = reading.Ts.ToUnixTimeMilliseconds();
        var effectiveTs = reading.Ts > now ? now : reading.Ts;
        var newest = state.LastTs is null || effectiveTs >= state.LastTs;
        var next = state with
        {
            RecentTs = DedupWindow.Add(state.RecentTs, tsMs, DedupWindow.HorizonMs(kind)),
            LastTs = newest ? effectiveTs : state.LastTs,
            Values = newest ? state.Values.SetItems(reading.Values) : state.Values,
        };

        return kind switch
        {
            SensorKinds.Air => next with { Hours = AddToHour(next.Hours, tsMs, reading.Values, next.LastTs!.Value) },
            SensorKinds.Rain when reading.Values.TryGetValue("rainMm", out var mm) =>
                next with { Falls = AddFall(next.Falls, tsMs, mm, next.LastTs!.Value) },
            SensorKinds.Water when reading.Values.TryGetValue("do", out var oxygen) =>
                next with { Oxygen = AddOxygen(next.Oxygen, tsMs, oxygen, next.LastTs!.Value) },
            _ => next,
        };
    }

    /// <summary>How far dissolved oxygen has fallen from its highest within the window to the latest reading (mg/L).</summary>
    public static double? OxygenDrop(SensorGrainState state)
    {
        if (state.Oxygen.IsEmpty || !state.Values.TryGetValue("do", out var latest)) return null;
        return Math.Round(Math.Max(0, state.Oxygen.Max(s => s.Value) - latest), 3);
    }

    /// <summary>Hourly means per metric, latest hour first, over <paramref name="hours"/> hours ending at the latest reading's hour.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<double?>> HourlyMeans(SensorGrainState state, int hours)
    {
        var result = new Dictionary<string, IReadOnlyList<double?>>(StringComparer.Ordinal);
        if (state.LastTs is not { } last) return result;
        var latestHour = HourStart(last.ToUnixTimeMilliseconds());
        var byHour = state.Hours.ToDictionary(h => h.HourStartMs);
        foreach (var metric in state.Hours.SelectMany(h => h.Counts.Keys).Distinct())
        {
            var series = new double?[hours];
            for (var i = 0; i < hours; i++)
            {
                if (byHour.TryGetValue(latestHour - i * HourMs, out var bucket) && bucket.Counts.TryGetValue(metric, out var n) && n > 0)
                    series[i] = bucket.Sums[metric] / n;
            }

            result[metric] = series;
        }

        return result;
    }

    public static IEnumerable<(DateTimeOffset Ts, double Mm)> Falls(SensorGrainState state) =>
        state.Falls.Select(f => (DateTimeOffset.FromUnixTimeMilliseconds(f.TsMs), f.Mm));

    private static ImmutableList<HourBucket> AddToHour(
        ImmutableList<HourBucket> hours, long tsMs, IReadOnlyDictionary<string, double> values, DateTimeOffset latest)
    {
        var hour = HourStart(tsMs);
        var oldestKept = HourStart(latest.ToUnixTimeMilliseconds()) - (HoursKept - 1) * HourMs;
        if (hour < oldestKept) return hours;

        var existing = hours.Find(h => h.HourStartMs == hour)
            ?? new HourBucket(hour, ImmutableDictionary<string, double>.Empty, ImmutableDictionary<string, int>.Empty);
        var sums = existing.Sums;
        var counts = existing.Counts;
        foreach (var (metric, value) in values)
        {
            sums = sums.SetItem(metric, sums.GetValueOrDefault(metric) + value);
            counts = counts.SetItem(metric, counts.GetValueOrDefault(metric) + 1);
        }

        return hours.Remove(existing).Add(existing with { Sums = sums, Counts = counts })
            .RemoveAll(h => h.HourStartMs < oldestKept);
    }

    /// <summary>Falls are summed per minute, so the state holds at most 180 entries however often a gauge reports.</summary>
    private static ImmutableList<RainFall> AddFall(ImmutableList<RainFall> falls, long tsMs, double mm, DateTimeOffset latest)
    {
        var oldestKept = (latest - RainFigures.LongestWindow).ToUnixTimeMilliseconds();
        if (tsMs <= oldestKept) return falls;
        var minute = tsMs - (tsMs % MinuteMs + MinuteMs) % MinuteMs;
        var existing = falls.Find(f => f.TsMs == minute);
        var updated = existing is null ? falls.Add(new RainFall(minute, mm)) : falls.Replace(existing, existing with { Mm = existing.Mm + mm });
        return updated.RemoveAll(f => f.TsMs <= oldestKept);
    }

    /// <summary>Oxygen readings of the last 3 hours, at most one per minute (the latest of that minute).</summary>
    private static ImmutableList<Sample> AddOxygen(ImmutableList<Sample> samples, long tsMs, double value, DateTimeOffset latest)
    {
        var oldestKept = (latest - OxygenWindow).ToUnixTimeMilliseconds();
        if (tsMs < oldestKept) return samples;
        var minute = tsMs - (tsMs % MinuteMs + MinuteMs) % MinuteMs;
        return samples.RemoveAll(s => s.TsMs == minute || s.TsMs < oldestKept).Add(new Sample(minute, value));
    }

    private static long HourStart(long tsMs) => tsMs - (tsMs % HourMs + HourMs) % HourMs;
}
