namespace ControlCenter.Grains.Aggregates;

/// <summary>
/// An aggregate persists only its version: its members' figures are pulled from the members on activation,
/// so nothing a crash could lose is kept only here.
/// </summary>
[GenerateSerializer]
public sealed record AggregateGrainState
{
    [Id(0)] public long Version { get; init; }
}
