using System.Collections.Immutable;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// The (sensorId, ts) rule inside one sensor: the sorted timestamps the sensor accepted within its horizon
/// (the longest window its derived figures look back over, at least an hour), capped in count. A timestamp in
/// the window is a duplicate. One older than the horizon (or than a full window's oldest entry) is "late":
/// it cannot change any derived figure, and only the history store can tell whether it is new.
/// </summary>
public static class DedupWindow
{
    public const int MaxSize = 512;

    private static readonly long HourMs = (long)TimeSpan.FromHours(1).TotalMilliseconds;

    /// <summary>How far back a kind's derived figures look: NowCast's 12 hours (+1) for air, 3 h for rain.</summary>
    public static long HorizonMs(string kind) => kind switch
    {
        SensorKinds.Air => 13 * HourMs,
        SensorKinds.Rain => 3 * HourMs,
        _ => HourMs,
    };

    public static ReadingOutcome Classify(ImmutableArray<long> window, long tsMs, long horizonMs)
    {
        if (window.BinarySearch(tsMs) >= 0) return ReadingOutcome.Duplicate;
        if (window.Length == 0) return ReadingOutcome.Accepted;
        var tooOld = tsMs < window[^1] - horizonMs || (window.Length >= MaxSize && tsMs < window[0]);
        return tooOld ? ReadingOutcome.Late : ReadingOutcome.Accepted;
    }

    public static ImmutableArray<long> Add(ImmutableArray<long> window, long tsMs, long horizonMs)
    {
        var index = window.BinarySearch(tsMs);
        var added = index >= 0 ? window : window.Insert(~index, tsMs);
        var cutoff = added[^1] - horizonMs;
        var keepFrom = 0;
        while (keepFrom < added.Length && added[keepFrom] < cutoff) keepFrom++;
        keepFrom = Math.Max(keepFrom, added.Length - MaxSize);
        return keepFrom == 0 ? added : added.RemoveRange(0, keepFrom);
    }
}
