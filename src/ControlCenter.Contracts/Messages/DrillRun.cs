namespace ControlCenter.Contracts.Messages;

/// <summary>
/// The drill running in the cluster: what, who started it, and the host playing it, which renews its claim every
/// few seconds; a claim not renewed within <see cref="Lease"/> has lapsed (that host died) and frees the cluster.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DrillRun
{
    [Id(0)] public required string RunId { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string Title { get; init; }
    [Id(3)] public required string TitleEn { get; init; }
    [Id(4)] public double Speed { get; init; }
    [Id(5)] public required string StartedBy { get; init; }
    [Id(6)] public DateTimeOffset StartedAt { get; init; }
    [Id(7)] public DateTimeOffset EndsAt { get; init; }
    [Id(8)] public required string Host { get; init; }
    [Id(9)] public TimeSpan Lease { get; init; }
}
