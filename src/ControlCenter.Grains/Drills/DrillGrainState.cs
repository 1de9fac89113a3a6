using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Drills;

[GenerateSerializer]
public sealed record DrillGrainState
{
    [Id(0)] public DrillRun? Run { get; init; }
    [Id(1)] public bool StopRequested { get; init; }
}
