using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
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
    IOptions<CityModelOptions> options) : AggregateGrain<MemberSummary>(store, options), IZoneGrain
{
    private Zone? _zone;
    private ZoneSummary _summary = null!;
    private EntityState _state = null!;
    private MemberSummary _asMember = null!;

    private Zone Zone => _zone ??= catalog.FindZone(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Zone '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    public Task<EntityState> GetState() => Task.FromResult(_state);

    protected override EntityState CurrentState => _state;

    public Task<MemberSummary> GetSummary() => Task.FromResult(_asMember);

    public Task<ZoneSummary> GetZoneSummary() => Task.FromResult(_summary);

    public Task MemberChanged(MemberSummary member)
    {
        Accept(member.EntityId, member);
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> MemberIds() =>
        catalog.ParkingLots.Where(l => l.ZoneId == Zone.Id).Select(l => l.Id)
            .Concat(catalog.Junctions.Where(j => j.ZoneId == Zone.Id).Select(j => j.Id))
            .Concat(catalog.Sensors.Where(s => s.ZoneId == Zone.Id && s.ParentId is null && !s.Retired).Select(s => s.Id));

    protected override Task<MemberSummary> FetchMember(string memberId) => MemberFetch.Summary(GrainFactory, catalog, memberId);

    protected override long VersionOf(MemberSummary member) => member.Version;

    protected override void Recompute()
    {
        var members = Members.Values;
        _summary = ZoneSummaryBuilder.Build(Zone.Id, Version, members);
        var status = ZoneSummaryBuilder.StatusOf(members);
        var ts = members.Max(m => m.Ts);
        _state = new EntityState(Zone.Id, EntityKinds.Zone, Zone.Id, Version, ts, status.ToWire(),
            new Dictionary<string, double>(), ZoneDerived.From(_summary));
        _asMember = new MemberSummary(Zone.Id, EntityKinds.Zone, Version, status, ts, new Dictionary<string, double>(), _summary.Health);
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<ICityGrain>(EntityKinds.CityId).ZoneChanged(_summary);
}
