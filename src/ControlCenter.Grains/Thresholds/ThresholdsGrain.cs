using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.Thresholds;

/// <summary>
/// The threshold packs in force, persisted and versioned. A change is written first, then applied to this
/// silo's source at once; other silos pick it up on their next refresh.
/// </summary>
public sealed class ThresholdsGrain(
    [PersistentState(StorageNames.ThresholdsState, StorageNames.GrainStore)] IPersistentState<ThresholdsGrainState> store,
    ThresholdSource source,
    CityClock clock) : Grain, IThresholdsGrain
{
    /// <summary>Versions kept besides the current one: packs change a few times a year, so this reaches back years.</summary>
    public const int KeptVersions = 100;

    private ThresholdDocument? _document;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var state = store.State;
        var json = state.Json ?? ThresholdJson.Write(ThresholdPacks.Defaults);
        _document = new ThresholdDocument(state.Version, json, state.ChangedAt, state.ChangedBy);
        if (state.Json is not null) source.Update(state.Version, ThresholdJson.Parse(state.Json));
        return Task.CompletedTask;
    }

    public Task<ThresholdDocument> Get() => Task.FromResult(_document!);

    public Task<ThresholdDocument> At(DateTimeOffset at)
    {
        // The shipped defaults (never changed, so no date) are in force from the start until the first change.
        var inForce = store.State.Earlier.Append(_document!).LastOrDefault(d => d.ChangedAt is null || d.ChangedAt <= at);
        // Before the oldest version kept: that one is the nearest the record holds.
        var earlier = store.State.Earlier;
        return Task.FromResult(inForce ?? (earlier.Count > 0 ? earlier[0] : _document!));
    }

    public async Task<ThresholdDocument?> Replace(long expectedVersion, string json, string by)
    {
        if (expectedVersion != store.State.Version) return null;
        var packs = ThresholdJson.Parse(json);
        var next = new ThresholdsGrainState
        {
            Version = store.State.Version + 1, Json = ThresholdJson.Write(packs), ChangedAt = clock.Now, ChangedBy = by,
            Earlier = [.. store.State.Earlier.Append(_document!).TakeLast(KeptVersions)],
        };
        await store.WriteOrRevert(next, this);
        _document = new ThresholdDocument(next.Version, next.Json, next.ChangedAt, next.ChangedBy);
        source.Update(next.Version, packs);
        return _document;
    }
}
