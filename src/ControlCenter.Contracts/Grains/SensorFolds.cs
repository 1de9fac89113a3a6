namespace ControlCenter.Contracts.Grains;

/// <summary>
/// How a sensor's <see cref="Version"/> is made up: one per reading folded and one per change of health with no
/// reading (a sensor turning stale or offline on the clock is a change subscribers must see). Log positions are
/// 1, 2, 3 … per sensor, so a sensor that folded each of its rows exactly once has
/// <c>Version − HealthChanges == LogSeq</c>, and <see cref="LogSeq"/> equals its row count in the log once caught up.
/// </summary>
/// <param name="HealthChanges">Counted since this figure exists: a checkpoint written before it reads 0.</param>
[GenerateSerializer, Immutable]
public sealed record SensorFolds([property: Id(0)] long Version, [property: Id(1)] long LogSeq, [property: Id(2)] long HealthChanges)
{
    /// <summary>The readings this state folded, counting a row folded twice twice.</summary>
    public long ReadingsFolded => Version - HealthChanges;
}
