using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Alerts;

/// <summary>The alert book's persisted state. Fields are added with new ids, never renumbered: stored books must stay readable.</summary>
[GenerateSerializer]
public sealed record AlertBookState
{
    /// <summary>The alert open (or acknowledged) for each rule/scope key.</summary>
    [Id(0)] public Dictionary<string, string> Open { get; init; } = [];
    /// <summary>Every alert id, oldest first, up to <see cref="AlertBookGrain.Retained"/>; older ones stay readable by id.</summary>
    [Id(1)] public List<string> Ids { get; init; } = [];
    [Id(2)] public long LastNumber { get; init; }
    [Id(3)] public List<Silence> Silences { get; init; } = [];
    /// <summary>For each zone, the number of the last signal whose effect is complete (see <see cref="AlertBookGrain.Apply"/>).</summary>
    [Id(4)] public Dictionary<string, long> AppliedSignals { get; init; } = [];
}
