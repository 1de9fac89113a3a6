using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Traffic;

/// <summary>One traffic junction: level of service per approach and overall.</summary>
public sealed class JunctionGrain(
    [PersistentState(StorageNames.JunctionState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdSource thresholds,
    IOptions<CityModelOptions> options) : MemberAggregateGrain(store, catalog, options), IJunctionGrain
{
    private Junction? _junction;

    private Junction Junction => _junction ??= Catalog.FindJunction(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Junction '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    protected override IEnumerable<string> MemberIds() => Catalog.SensorsOf(Junction.Id).Where(s => !s.Retired).Select(s => s.Id);

    protected override void Recompute() =>
        SetView(Junction.Id, EntityKinds.Junction, Junction.ZoneId, JunctionView.Compute(Catalog, Members.Values, thresholds.Packs.Traffic));

    protected override Task PublishUpward() => GrainFactory.GetGrain<IZoneGrain>(Junction.ZoneId).MemberChanged(Summary);
}
