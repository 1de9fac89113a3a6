using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Feed;

namespace ControlCenter.Host.Wall;

/// <summary>
/// One wall's picture of the city, fed by the in-process live feed: a snapshot, then coalesced changes on a
/// cancellable loop. It keeps only the latest state per entity and the unresolved alerts, so a wall left open
/// for days holds the same few hundred objects. Dispose it with the component.
/// </summary>
public sealed class WallFeed : IAsyncDisposable
{
    public static readonly string[] Topics = ["parking", "air", "water", "rain", "flood", "traffic", "tourism", "alerts", "kpi"];

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, EntityState> _states = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);
    private Task _loop = Task.CompletedTask;

    public KpiSnapshot? Kpi { get; private set; }

    public IReadOnlyDictionary<string, EntityState> States => _states;

    /// <summary>Unresolved alerts by id (a resolved one leaves at once).</summary>
    public IReadOnlyDictionary<string, Alert> Alerts => _alerts;

    /// <summary>When the last delivery came (the connection indicator); null before the first.</summary>
    public DateTimeOffset? LastDelivery { get; private set; }

    /// <summary>The session broke and a new one is not open yet (it is being tried again, see <see cref="Follow"/>).</summary>
    public bool Broken { get; private set; }

    /// <summary>Set on a picture of the past (incident review): the moment it shows, which ages count from.</summary>
    public DateTimeOffset? AsOf { get; init; }

    /// <summary>The time this picture stands at: its moment when it shows the past, the clock's now when live.</summary>
    public DateTimeOffset Now(TimeProvider time) => AsOf ?? time.GetUtcNow();

    /// <summary>Called (on the feed's loop) with the ids of the entities that changed in a delivery.</summary>
    public event Func<IReadOnlyCollection<string>, Task>? Changed;

    /// <summary>Alerts seen resolved since the wall opened (an open panel keeps showing its alert's last state).</summary>
    public Dictionary<string, Alert> Resolved { get; } = new(StringComparer.Ordinal);

    /// <param name="topics">What to follow; the wall's <see cref="Topics"/> unless a reader needs others.</param>
    public async Task Start(LiveFeed feed, TimeProvider time, IReadOnlyCollection<string>? topics = null)
    {
        topics ??= Topics;
        var session = await feed.Open(topics, _stop.Token);
        Accept(session.Snapshot.Items, session.Snapshot.Kpi, session.Snapshot.Alerts, time);
        _loop = Task.Run(() => Follow(feed, session, topics, time));
    }

    /// <summary>
    /// Applies the deliveries until the wall closes. A session can break (its resync reads every grain, and one on a
    /// silo that is just stopping may not answer): the wall then says it is disconnected and opens a new session,
    /// backing off, until one holds, so a wall on a screen nobody touches comes back by itself.
    /// </summary>
    private async Task Follow(LiveFeed feed, FeedSession? session, IReadOnlyCollection<string> topics, TimeProvider time)
    {
        var failures = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                session ??= await Reopen(feed, topics, time);
                failures = 0;
                await using (session) await Relay(session, time);
                session = null;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return; // The wall closed.
            }
            catch (Exception)
            {
                session = null;
                if (!Broken)
                {
                    Broken = true;
                    await Notify([]);
                }

                try { await Task.Delay(Backoff(++failures), _stop.Token); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    /// <summary>1, 2, 4, 8, then every 15 seconds.</summary>
    private static TimeSpan Backoff(int failures) => TimeSpan.FromSeconds(Math.Min(15, 1 << Math.Min(failures - 1, 4)));

    private async Task<FeedSession> Reopen(LiveFeed feed, IReadOnlyCollection<string> topics, TimeProvider time)
    {
        var session = await feed.Open(topics, _stop.Token);
        try
        {
            var changed = Accept(session.Snapshot.Items, session.Snapshot.Kpi, session.Snapshot.Alerts, time);
            Broken = false;
            await Notify(changed);
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private async Task Relay(FeedSession session, TimeProvider time)
    {
        await foreach (var delivery in session.Changes(_stop.Token))
            await Notify(Accept(delivery.States, delivery.Kpi, delivery.Alerts, time));
    }

    private async Task Notify(IReadOnlyCollection<string> changed)
    {
        if (Changed is { } handler) await handler(changed);
    }

    /// <summary>Takes a snapshot or a delivery (newer versions only); returns the ids of the entities that changed.</summary>
    public List<string> Accept(IEnumerable<EntityState> states, KpiSnapshot? kpi, IEnumerable<Alert> alerts, TimeProvider time)
    {
        var changed = new List<string>();
        lock (_states)
        {
            foreach (var state in states)
            {
                if (_states.TryGetValue(state.EntityId, out var known) && known.Version >= state.Version) continue;
                _states[state.EntityId] = state;
                changed.Add(state.EntityId);
            }

            if (kpi is not null && (Kpi is null || kpi.Version > Kpi.Version)) Kpi = kpi;
            foreach (var alert in alerts)
            {
                if (_alerts.TryGetValue(alert.Id, out var known) && known.Version >= alert.Version) continue;
                if (alert.IsActive) _alerts[alert.Id] = alert;
                else
                {
                    _alerts.Remove(alert.Id);
                    Resolved[alert.Id] = alert;
                    // The oldest resolution goes (a dictionary's first key is not its oldest once slots are reused).
                    if (Resolved.Count > 200) Resolved.Remove(Resolved.Values.MinBy(a => a.ResolvedAt ?? DateTimeOffset.MinValue)!.Id);
                }
            }

            LastDelivery = time.GetUtcNow();
        }

        return changed;
    }

    /// <summary>A consistent copy for rendering (the loop may be applying a delivery meanwhile).</summary>
    public (List<EntityState> States, List<Alert> Alerts, KpiSnapshot? Kpi) Copy()
    {
        lock (_states) return ([.. _states.Values], [.. _alerts.Values], Kpi);
    }

    /// <summary>The alerts seen resolved, copied under the lock (the loop may be applying a delivery meanwhile).</summary>
    public List<Alert> CopyResolved()
    {
        lock (_states) return [.. Resolved.Values];
    }

    public Alert? FindAlert(string id)
    {
        lock (_states) return _alerts.GetValueOrDefault(id) ?? Resolved.GetValueOrDefault(id);
    }

    public EntityState? FindState(string id)
    {
        lock (_states) return _states.GetValueOrDefault(id);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try { await _loop; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
