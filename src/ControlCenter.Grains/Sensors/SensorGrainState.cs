using System.Collections.Immutable;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Grains.Sensors;

/// <summary>
/// A sensor's checkpoint: what it has folded from the readings log up to position <see cref="LogSeq"/> — the
/// latest value of each metric, the inputs its derived figures need (hourly buckets for air, recent falls for
/// rain, recent oxygen for water) — and its health. Derived figures are recomputed from these, never stored.
/// Every fold step is commutative in time (newest by timestamp, sums, windows trimmed against the newest reading),
/// so the state is the same whatever order late readings arrived in.
/// </summary>
[GenerateSerializer]
public sealed record SensorGrainState
{
    /// <summary>Grows by one with every reading folded and every change of health (<see cref="HealthChanges"/>).</summary>
    [Id(0)] public long Version { get; init; }
    /// <summary>The newest reading's time (a reading stamped ahead of its arrival counts as taken on arrival).</summary>
    [Id(1)] public DateTimeOffset? LastTs { get; init; }
    [Id(2)] public ImmutableDictionary<string, double> Values { get; init; } = ImmutableDictionary<string, double>.Empty;
    /// <summary>When the grain first existed: the health reference for a sensor that never reported.</summary>
    [Id(3)] public DateTimeOffset? FirstKnownAt { get; init; }
    // Id 4 held the de-duplication window of earlier releases; the log's key decides duplicates now.
    [Id(5)] public ImmutableList<HourBucket> Hours { get; init; } = [];
    /// <summary>Per-minute sums over the last 3 hours: rain fallen (gauges) or people counted in (visitor counters).</summary>
    [Id(6)] public ImmutableList<RainFall> Falls { get; init; } = [];
    // Id 7 held health as a word in earlier releases; an old checkpoint reads as Ok and the first health tick corrects it.
    /// <summary>Dissolved oxygen over the last 3 hours (water stations), for the rate of fall.</summary>
    [Id(8)] public ImmutableList<Sample> Oxygen { get; init; } = [];
    /// <summary>When the sensor last changed health (stale, offline, back to ok): the zone outage rule reads it.</summary>
    [Id(9)] public DateTimeOffset? HealthSince { get; init; }
    /// <summary>The log position this state has folded up to: an activation replays the rows after it.</summary>
    [Id(10)] public long LogSeq { get; init; }
    /// <summary>Which reading each value in <see cref="Values"/> came from: a later-arriving older reading never replaces it.</summary>
    [Id(11)] public ImmutableDictionary<string, ReadingStamp> ValueStamps { get; init; } = ImmutableDictionary<string, ReadingStamp>.Empty;
    [Id(12)] public HealthState Health { get; init; }
    /// <summary>
    /// How many of the versions were a change of health with no reading (<see cref="Version"/> minus these is the
    /// readings folded), so a check of "each row folded once" need not guess. A checkpoint of an earlier release reads 0.
    /// </summary>
    [Id(13)] public long HealthChanges { get; init; }
}

/// <summary>One value of one metric, at the reading's time (at most one kept per minute).</summary>
[GenerateSerializer, Immutable]
public sealed record Sample([property: Id(0)] long TsMs, [property: Id(1)] double Value);

/// <summary>Sums and counts per metric within one clock hour (air quality hourly means).</summary>
[GenerateSerializer, Immutable]
public sealed record HourBucket(
    [property: Id(0)] long HourStartMs,
    [property: Id(1)] ImmutableDictionary<string, double> Sums,
    [property: Id(2)] ImmutableDictionary<string, int> Counts);

/// <summary>
/// One minute's sum of what a sensor counts between readings: rain fallen since a gauge's previous reading, or
/// people a visitor counter counted in. (Named for rain, its first use; the serialized name stays.)
/// </summary>
[GenerateSerializer, Immutable]
public sealed record RainFall([property: Id(0)] long TsMs, [property: Id(1)] double Mm);
