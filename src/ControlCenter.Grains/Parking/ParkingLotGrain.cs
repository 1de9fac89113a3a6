using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Parking;

/// <summary>One parking lot: occupied, free and occupancy from its spot sensors or gate counter.</summary>
public sealed class ParkingLotGrain(
    [PersistentState(StorageNames.LotState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdPacks packs,
    IOptions<CityModelOptions> options) : AggregateGrain<MemberSummary>(store, options), IParkingLotGrain
{
    private ParkingLot? _lot;
    private EntityState _state = null!;
    private MemberSummary _summary = null!;

    private ParkingLot Lot => _lot ??= catalog.FindLot(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Lot '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    public Task<EntityState> GetState() => Task.FromResult(_state);

    protected override EntityState CurrentState => _state;

    public Task<MemberSummary> GetSummary() => Task.FromResult(_summary);

    public Task MemberChanged(MemberSummary member)
    {
        Accept(member.EntityId, member);
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> MemberIds() => catalog.SensorsOf(Lot.Id).Where(s => !s.Retired).Select(s => s.Id);

    protected override Task<MemberSummary> FetchMember(string memberId) => MemberFetch.Summary(GrainFactory, catalog, memberId);

    protected override long VersionOf(MemberSummary member) => member.Version;

    protected override void Recompute()
    {
        var (status, derived, figures, health, ts) = LotView.Compute(Lot, Members.Values, packs.Parking);
        _state = new EntityState(Lot.Id, EntityKinds.ParkingLot, Lot.ZoneId, Version, ts, status.ToWire(),
            new Dictionary<string, double>(), derived);
        _summary = new MemberSummary(Lot.Id, EntityKinds.ParkingLot, Version, status, ts, figures, health);
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<IZoneGrain>(Lot.ZoneId).MemberChanged(_summary);
}
