using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Alerts;

/// <summary>One alert's persisted state (null until the book's first raise reaches it).</summary>
[GenerateSerializer]
public sealed record AlertGrainState
{
    [Id(0)] public Alert? Alert { get; init; }
}
