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

    public async Task<ThresholdDocument?> Replace(long expectedVersion, string json, string by)
    {
        if (expectedVersion != store.State.Version) return null;
        var packs = ThresholdJson.Parse(json);
        var next = new ThresholdsGrainState { Version = store.State.Version + 1, Json = ThresholdJson.Write(packs), ChangedAt = clock.Now, ChangedBy = by };
        await store.WriteOrRevert(next, this);
        _document = new ThresholdDocument(next.Version, next.Json, next.ChangedAt, next.ChangedBy);
        source.Update(next.Version, packs);
        return _document;
    }
}
