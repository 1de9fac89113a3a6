using System.Collections.Immutable;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// What a sensor keeps across restarts: the latest values, the inputs its derived figures need (hourly
/// buckets for air, recent falls for rain), and the timestamps it has seen, for de-duplication.
/// Derived figures are recomputed from these, never stored.
/// </summary>
[GenerateSerializer]
public sealed record SensorGrainState
{
    [Id(0)] public long Version { get; init; }
    [Id(1)] public DateTimeOffset? LastTs { get; init; }
    [Id(2)] public ImmutableDictionary<string, double> Values { get; init; } = ImmutableDictionary<string, double>.Empty;
    /// <summary>When the grain first existed: the health reference for a sensor that never reported.</summary>
    [Id(3)] public DateTimeOffset? FirstKnownAt { get; init; }
    /// <summary>The latest reading timestamps (Unix ms, ascending), at most <see cref="DedupWindow.Size"/>.</summary>
    [Id(4)] public ImmutableArray<long> RecentTs { get; init; } = [];
    [Id(5)] public ImmutableList<HourBucket> Hours { get; init; } = [];
    [Id(6)] public ImmutableList<RainFall> Falls { get; init; } = [];
    [Id(7)] public string Health { get; init; } = "ok";
    /// <summary>Dissolved oxygen over the last 3 hours (water stations), for the rate of fall.</summary>
    [Id(8)] public ImmutableList<Sample> Oxygen { get; init; } = [];
    /// <summary>When the sensor last changed health (stale, offline, back to ok): the zone outage rule reads it.</summary>
    [Id(9)] public DateTimeOffset? HealthSince { get; init; }
}

/// <summary>One value of one metric at a minute.</summary>
[GenerateSerializer, Immutable]
public sealed record Sample([property: Id(0)] long TsMs, [property: Id(1)] double Value);

/// <summary>Sums and counts per metric within one clock hour (air quality hourly means).</summary>
[GenerateSerializer, Immutable]
public sealed record HourBucket(
    [property: Id(0)] long HourStartMs,
    [property: Id(1)] ImmutableDictionary<string, double> Sums,
    [property: Id(2)] ImmutableDictionary<string, int> Counts);

/// <summary>Rain reported by one reading: fallen since the gauge's previous reading.</summary>
[GenerateSerializer, Immutable]
public sealed record RainFall([property: Id(0)] long TsMs, [property: Id(1)] double Mm);
