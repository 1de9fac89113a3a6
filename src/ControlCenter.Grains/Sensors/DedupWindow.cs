using System.Collections.Immutable;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// The (sensorId, ts) rule inside one sensor: a bounded, sorted window of the latest timestamps. A timestamp
/// in the window is a duplicate; one older than a full window's oldest entry is "late" and left to the history
/// store to judge. Bounded so that the persisted state stays small however long a sensor lives.
/// </summary>
public static class DedupWindow
{
    public const int Size = 64;

    public static ReadingOutcome Classify(ImmutableArray<long> window, long tsMs)
    {
        if (window.BinarySearch(tsMs) >= 0) return ReadingOutcome.Duplicate;
        return window.Length >= Size && tsMs < window[0] ? ReadingOutcome.Late : ReadingOutcome.Accepted;
    }

    public static ImmutableArray<long> Add(ImmutableArray<long> window, long tsMs)
    {
        var index = window.BinarySearch(tsMs);
        var added = window.Insert(~index, tsMs);
        return added.Length > Size ? added.RemoveRange(0, added.Length - Size) : added;
    }
}
