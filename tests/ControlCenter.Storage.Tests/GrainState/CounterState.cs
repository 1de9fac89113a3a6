namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>A grain state small enough to read in an assertion; serialised by Orleans like the centre's own.</summary>
[GenerateSerializer]
public sealed class CounterState
{
    [Id(0)] public int Count { get; set; }
}
