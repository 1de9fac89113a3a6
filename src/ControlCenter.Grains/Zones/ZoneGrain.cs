using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Zones;

/// <summary>
/// One zone: the current summary of every domain in it. Its members are its lots, junctions and the sensors
/// that stand alone (air, water, rain, flood); spot sensors and detectors reach it through their lot or junction.
/// </summary>
public sealed class ZoneGrain(
    [PersistentState(StorageNames.ZoneState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    IOptions<CityModelOptions> options) : MemberAggregateGrain(store, catalog, options), IZoneGrain
{
    private Zone? _zone;
    private ZoneSummary _summary = null!;

    private Zone Zone => _zone ??= Catalog.FindZone(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Zone '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    public Task<ZoneSummary> GetZoneSummary() => Task.FromResult(_summary);

    protected override IEnumerable<string> MemberIds() =>
        Catalog.ParkingLots.Where(l => l.ZoneId == Zone.Id).Select(l => l.Id)
            .Concat(Catalog.Junctions.Where(j => j.ZoneId == Zone.Id).Select(j => j.Id))
            .Concat(Catalog.Sensors.Where(s => s.ZoneId == Zone.Id && s.ParentId is null && !s.Retired).Select(s => s.Id));

    protected override void Recompute()
    {
        var members = Members.Values;
        _summary = ZoneSummaryBuilder.Build(Zone.Id, Version, members);
        SetView(Zone.Id, EntityKinds.Zone, Zone.Id, new AggregateView(
            ZoneSummaryBuilder.StatusOf(members), ZoneDerived.From(_summary), [], _summary.Health, members.Max(m => m.Ts)));
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<ICityGrain>(EntityKinds.CityId).ZoneChanged(_summary);
}
