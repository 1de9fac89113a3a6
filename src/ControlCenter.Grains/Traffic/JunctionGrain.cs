using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Traffic;

/// <summary>One traffic junction: level of service per approach and overall.</summary>
public sealed class JunctionGrain(
    [PersistentState(StorageNames.JunctionState, StorageNames.GrainStore)] IPersistentState<AggregateGrainState> store,
    CityCatalog catalog,
    ThresholdPacks packs,
    IOptions<CityModelOptions> options) : AggregateGrain<MemberSummary>(store, options), IJunctionGrain
{
    private Junction? _junction;
    private EntityState _state = null!;
    private MemberSummary _summary = null!;

    private Junction Junction => _junction ??= catalog.FindJunction(this.GetPrimaryKeyString())
        ?? throw new InvalidOperationException($"Junction '{this.GetPrimaryKeyString()}' is not in the catalogue.");

    public Task<EntityState> GetState() => Task.FromResult(_state);

    protected override EntityState CurrentState => _state;

    public Task<MemberSummary> GetSummary() => Task.FromResult(_summary);

    public Task MemberChanged(MemberSummary member)
    {
        Accept(member.EntityId, member);
        return Task.CompletedTask;
    }

    protected override IEnumerable<string> MemberIds() => catalog.SensorsOf(Junction.Id).Where(s => !s.Retired).Select(s => s.Id);

    protected override Task<MemberSummary> FetchMember(string memberId) => MemberFetch.Summary(GrainFactory, catalog, memberId);

    protected override long VersionOf(MemberSummary member) => member.Version;

    protected override void Recompute()
    {
        var (status, derived, figures, health, ts) = JunctionView.Compute(catalog, Members.Values, packs.Traffic);
        _state = new EntityState(Junction.Id, EntityKinds.Junction, Junction.ZoneId, Version, ts, status.ToWire(),
            new Dictionary<string, double>(), derived);
        _summary = new MemberSummary(Junction.Id, EntityKinds.Junction, Version, status, ts, figures, health);
    }

    protected override Task PublishUpward() => GrainFactory.GetGrain<IZoneGrain>(Junction.ZoneId).MemberChanged(_summary);
}
