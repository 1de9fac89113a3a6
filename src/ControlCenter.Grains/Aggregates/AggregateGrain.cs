using ControlCenter.Grains.Feed;
using Microsoft.Extensions.DependencyInjection;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Aggregates;

/// <summary>
/// The shape shared by lots, junctions, zones and the city: members report changes one-way; the aggregate
/// coalesces them and, at most once per flush period, bumps its version, writes it, then publishes to the feed
/// and upward.
/// On activation it pulls every member's current summary, so a lost message or a restart never leaves it wrong.
/// </summary>
public abstract class AggregateGrain<TMember>(IPersistentState<AggregateGrainState> store, IOptions<CityModelOptions> options)
    : Grain where TMember : class
{
    private bool _dirty;

    protected Dictionary<string, TMember> Members { get; } = new(StringComparer.Ordinal);

    protected long Version => store.State.Version;

    /// <summary>The ids of the entities this aggregate stands for, from the catalogue.</summary>
    protected abstract IEnumerable<string> MemberIds();

    protected abstract Task<TMember> FetchMember(string memberId);

    protected abstract long VersionOf(TMember member);

    /// <summary>Recompute the view from <see cref="Members"/> after a version change.</summary>
    protected abstract void Recompute();

    /// <summary>The entity state of the current view, as the API and the feed show it.</summary>
    protected abstract EntityState CurrentState { get; }

    /// <summary>Tell the aggregate above (if any) about the new view.</summary>
    protected abstract Task PublishUpward();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var ids = MemberIds().ToArray();
        var members = await Task.WhenAll(ids.Select(FetchMember));
        for (var i = 0; i < ids.Length; i++) Members[ids[i]] = members[i];
        // What the members say now may differ from what the stored version showed: publish it as a new version
        // before anyone can read this activation's state.
        _dirty = true;
        await Flush();
        var period = options.Value.AggregateFlushPeriod;
        this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => await Flush();

    protected AggregateGrainState StoredState => store.State;

    protected CityModelOptions ModelOptions => options.Value;

    /// <summary>Changes what this aggregate itself keeps; written and published with the next flush.</summary>
    protected void ChangeOwnState(Func<AggregateGrainState, AggregateGrainState> change)
    {
        store.State = change(store.State);
        _dirty = true;
    }

    /// <summary>Keeps a member's latest summary; an older version arriving late is ignored.</summary>
    protected void Accept(string memberId, TMember member)
    {
        if (Members.TryGetValue(memberId, out var known) && VersionOf(known) >= VersionOf(member)) return;
        Members[memberId] = member;
        _dirty = true;
    }

    private async Task Flush()
    {
        if (!_dirty) return;
        // On failure this throws and stays dirty: the next tick tries again; a version is published only once written.
        await store.WriteOrRevert(store.State with { Version = store.State.Version + 1 }, this);
        _dirty = false;
        Recompute();
        ServiceProvider.GetRequiredService<FeedPublisher>().Publish(CurrentState);
        await PublishUpward();
    }
}
