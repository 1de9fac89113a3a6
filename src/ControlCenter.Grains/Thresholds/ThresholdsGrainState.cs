using ControlCenter.Contracts.Grains;

namespace ControlCenter.Grains.Thresholds;

[GenerateSerializer]
public sealed record ThresholdsGrainState
{
    [Id(0)] public long Version { get; init; }
    /// <summary>Null until an administrator first changes a pack: the shipped defaults apply.</summary>
    [Id(1)] public string? Json { get; init; }
    [Id(2)] public DateTimeOffset? ChangedAt { get; init; }
    [Id(3)] public string? ChangedBy { get; init; }
    /// <summary>The versions before this one, oldest first (at most <see cref="ThresholdsGrain.KeptVersions"/>), so that
    /// incident review judges a past moment by the packs then in force.</summary>
    [Id(4)] public IReadOnlyList<ThresholdDocument> Earlier { get; init; } = [];
}
