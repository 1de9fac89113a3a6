using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Aggregates;

/// <summary>
/// An aggregate whose members are catalogue entities reporting <see cref="MemberSummary"/> (lots, junctions,
/// zones): it keeps its current entity state and the summary it reports upward.
/// </summary>
public abstract class MemberAggregateGrain(IPersistentState<AggregateGrainState> store, CityCatalog catalog, IOptions<CityModelOptions> options)
    : AggregateGrain<MemberSummary>(store, options), IAggregateGrain
{
    private EntityState _state = null!;
    private MemberSummary _summary = null!;

    protected CityCatalog Catalog => catalog;

    public Task<EntityState> GetState() => Task.FromResult(_state);

    public Task<MemberSummary> GetSummary() => Task.FromResult(_summary);

    public Task MemberChanged(MemberSummary member)
    {
        Accept(member.EntityId, member);
        return Task.CompletedTask;
    }

    protected override EntityState CurrentState => _state;

    protected MemberSummary Summary => _summary;

    protected override Task<MemberSummary> FetchMember(string memberId) => MemberFetch.Summary(GrainFactory, catalog, memberId);

    protected override long VersionOf(MemberSummary member) => member.Version;

    /// <summary>Sets the view a recompute produced, as entity state and as the summary for the zone above.</summary>
    protected void SetView(string id, string kind, string zoneId, AggregateView view)
    {
        _state = new EntityState(id, kind, zoneId, Version, view.Ts, view.Status.ToWire(), new Dictionary<string, double>(), view.Derived);
        _summary = new MemberSummary(id, kind, Version, view.Status, view.Ts, view.Figures, view.Health);
    }
}
