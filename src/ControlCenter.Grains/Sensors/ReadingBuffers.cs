using System.Collections.Immutable;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// Folds logged readings into a sensor's state: latest values, air hour buckets, oxygen samples, and per-minute sums
/// of what is counted between readings (rain for a gauge, people coming in for a visitor counter).
/// </summary>
public static class ReadingBuffers
{
    private const long HourMs = 3_600_000;
    private const long MinuteMs = 60_000;
    /// <summary>NowCast looks back 12 hours; keep one more so the window is whole at an hour's turn.</summary>
    private const int HoursKept = 13;
    /// <summary>The rain → West Lake rule compares oxygen over 3 hours.</summary>
    public static readonly TimeSpan OxygenWindow = TimeSpan.FromHours(3);

    /// <summary>
    /// Folds one logged reading into a sensor's state. Commutative in time: the figures do not depend on the order
    /// readings are folded in (only float sums may differ in their last bits, and the lists' order, which no figure
    /// reads), so a backfill changes the figures
    /// exactly as it would have on time, and a replay gives the state the live grain had.
    /// </summary>
    public static SensorGrainState Apply(SensorGrainState state, string kind, LoggedReading logged)
    {
        var reading = logged.Reading;
        var tsMs = reading.Ts.ToUnixTimeMilliseconds();
        // A reading stamped ahead of its arrival (within the ingest tolerance) counts as taken on arrival, so one
        // fast gateway clock cannot hide the readings that follow it.
        var effective = reading.Ts > logged.ReceivedAt ? logged.ReceivedAt : reading.Ts;
        var stamp = new ReadingStamp(effective.ToUnixTimeMilliseconds(), tsMs);
        var latest = state.LastTs is { } last && last > effective ? last : effective;
        var next = state with
        {
            Version = state.Version + 1,
            LogSeq = Math.Max(state.LogSeq, logged.Seq),
            LastTs = latest,
        };
        next = WithNewestValues(next, state, reading.Values, stamp);

        return kind switch
        {
            SensorKinds.Air => next with { Hours = AddToHour(next.Hours, tsMs, reading.Values, latest) },
            SensorKinds.Rain when reading.Values.TryGetValue("rainMm", out var mm) =>
                next with { Falls = AddFall(next.Falls, tsMs, mm, latest) },
            SensorKinds.VisitorCounter when reading.Values.TryGetValue("entries", out var people) =>
                next with { Falls = AddFall(next.Falls, tsMs, people, latest) },
            // Every water reading trims the window (not only those with oxygen), so the trim does not depend on order.
            SensorKinds.Water => next with { Oxygen = AddOxygen(next.Oxygen, tsMs, reading.Values.TryGetValue("do", out var oxygen) ? oxygen : null, latest) },
            _ => next,
        };
    }

    /// <summary>Each metric keeps the value of the newest reading that had it.</summary>
    private static SensorGrainState WithNewestValues(SensorGrainState next, SensorGrainState state, IReadOnlyDictionary<string, double> values, ReadingStamp stamp)
    {
        var kept = state.Values;
        var stamps = WithLegacyStamps(state);
        foreach (var (metric, value) in values)
        {
            if (stamps.TryGetValue(metric, out var held) && !stamp.IsAfter(held)) continue;
            kept = kept.SetItem(metric, value);
            stamps = stamps.SetItem(metric, stamp);
        }

        return next with { Values = kept, ValueStamps = stamps };
    }

    /// <summary>
    /// A value an earlier release stored has no stamp: it came from the reading at the state's LastTs. Stamped so at
    /// the first fold (before LastTs moves), so later folds compare against a fixed stamp whatever their order.
    /// </summary>
    private static ImmutableDictionary<string, ReadingStamp> WithLegacyStamps(SensorGrainState state)
    {
        if (state.ValueStamps.Count >= state.Values.Count || state.LastTs is not { } last) return state.ValueStamps;
        var legacy = new ReadingStamp(last.ToUnixTimeMilliseconds(), last.ToUnixTimeMilliseconds());
        return state.ValueStamps.SetItems(state.Values.Keys.Where(m => !state.ValueStamps.ContainsKey(m)).Select(m => KeyValuePair.Create(m, legacy)));
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

    /// <summary>People counted in over the hour ending at the newest reading.</summary>
    public static int EntriesLastHour(SensorGrainState state)
    {
        if (state.LastTs is not { } last) return 0;
        var from = (last - TimeSpan.FromHours(1)).ToUnixTimeMilliseconds();
        return (int)Math.Round(state.Falls.Where(f => f.TsMs > from).Sum(f => f.Mm));
    }

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
        var minute = MinuteStart(tsMs);
        var existing = falls.Find(f => f.TsMs == minute);
        var updated = existing is null ? falls.Add(new RainFall(minute, mm)) : falls.Replace(existing, existing with { Mm = existing.Mm + mm });
        return updated.RemoveAll(f => f.TsMs <= oldestKept);
    }

    /// <summary>Oxygen readings of the last 3 hours, at most one per minute (the one with the latest time in that minute).</summary>
    private static ImmutableList<Sample> AddOxygen(ImmutableList<Sample> samples, long tsMs, double? value, DateTimeOffset latest)
    {
        var oldestKept = (latest - OxygenWindow).ToUnixTimeMilliseconds();
        var minute = MinuteStart(tsMs);
        var kept = samples.RemoveAll(s => s.TsMs < oldestKept);
        if (value is not { } oxygen || tsMs < oldestKept || kept.Any(s => MinuteStart(s.TsMs) == minute && s.TsMs > tsMs)) return kept;
        return kept.RemoveAll(s => MinuteStart(s.TsMs) == minute).Add(new Sample(tsMs, oxygen));
    }

    private static long MinuteStart(long tsMs) => tsMs - (tsMs % MinuteMs + MinuteMs) % MinuteMs;

    private static long HourStart(long tsMs) => tsMs - (tsMs % HourMs + HourMs) % HourMs;
}
