namespace ControlCenter.Grains.Thresholds;

[GenerateSerializer]
public sealed record ThresholdsGrainState
{
    [Id(0)] public long Version { get; init; }
    /// <summary>Null until an administrator first changes a pack: the shipped defaults apply.</summary>
    [Id(1)] public string? Json { get; init; }
    [Id(2)] public DateTimeOffset? ChangedAt { get; init; }
    [Id(3)] public string? ChangedBy { get; init; }
}
