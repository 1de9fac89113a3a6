using System.Threading.Channels;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Feed;

/// <summary>
/// One subscriber's view of the feed: its topics and a bounded buffer that keeps only the latest state per
/// entity. A consumer takes deliveries in which each entity appears at most once per flush interval. A consumer that stops taking (a
/// stalled connection) is marked lagging: its buffer is dropped, and its next delivery says so, so that it
/// is resynced with a snapshot instead of growing memory.
/// </summary>
/// <param name="paceEachEntity">Hub subscribers: each entity at most once per interval, sent as soon as it may be.
/// In-process consumers (the wall's components, which render once per delivery): one delivery per interval.</param>
public sealed class FeedSubscription(string id, LiveFeedOptions options, TimeProvider time, Action onLag, bool paceEachEntity = false)
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityState> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _delivered = new(StringComparer.Ordinal);
    /// <summary>When each entity was last sent to this subscriber: it may go again one flush interval later.</summary>
    private readonly Dictionary<string, DateTimeOffset> _sentAt = new(StringComparer.Ordinal);
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Dictionary<string, Alert> _pendingAlerts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _alertsDelivered = new(StringComparer.Ordinal);
    private KpiSnapshot? _pendingKpi;
    private long _kpiDelivered = -1;
    private DateTimeOffset? _waitingSince;
    private DateTimeOffset _lastDelivery = DateTimeOffset.MinValue;
    private bool _lagging;

    public string Id { get; } = id;

    public int Pending { get { lock (_gate) return _pending.Count; } }

    public bool IsLagging { get { lock (_gate) return _lagging; } }

    public long LagCount { get; private set; }

    public string[] Topics { get { lock (_gate) return [.. _topics]; } }

    public int TopicCount { get { lock (_gate) return _topics.Count; } }

    public void Add(IEnumerable<string> topics) { lock (_gate) _topics.UnionWith(topics); }

    public void Remove(IEnumerable<string> topics)
    {
        lock (_gate)
        {
            _topics.ExceptWith(topics);
            foreach (var id in _pending.Where(p => !FeedTopics.Of(p.Value).Any(_topics.Contains)).Select(p => p.Key).ToList()) _pending.Remove(id);
            foreach (var id in _pendingAlerts.Where(p => !FeedTopics.Of(p.Value).Any(_topics.Contains)).Select(p => p.Key).ToList()) _pendingAlerts.Remove(id);
            if (!_topics.Contains(FeedTopics.Kpi)) _pendingKpi = null;
        }
    }

    /// <summary>Something may have been missed: drop what waits and resync with a snapshot at the next delivery.</summary>
    public void MarkLagging()
    {
        lock (_gate) Lag();
        _wake.Writer.TryWrite(true);
    }

    public bool Wants(string topic) { lock (_gate) return _topics.Contains(topic); }

    /// <summary>Offers a change; kept only if a topic matches and it is newer than anything sent or waiting.</summary>
    /// <param name="topics">The state's topics, worked out once by the caller for every subscriber (a batch goes to
    /// each of 1,000 subscribers: working them out per subscriber allocated two strings per state per subscriber).</param>
    public void Offer(EntityState state, string[] topics)
    {
        lock (_gate)
        {
            if (_lagging || !MatchesAny(topics)) return;
            if (_delivered.GetValueOrDefault(state.EntityId, -1) >= state.Version) return;
            if (_pending.TryGetValue(state.EntityId, out var waiting) && waiting.Version >= state.Version) return;
            _pending[state.EntityId] = state;
            CheckLag();
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Offers an alert change (with its topics, as <see cref="Offer"/>); kept only if a topic matches and it is newer than anything sent or waiting.</summary>
    public void OfferAlert(Alert alert, string[] topics)
    {
        lock (_gate)
        {
            if (_lagging || !MatchesAny(topics)) return;
            if (_alertsDelivered.GetValueOrDefault(alert.Id, -1) >= alert.Version) return;
            if (_pendingAlerts.TryGetValue(alert.Id, out var waiting) && waiting.Version >= alert.Version) return;
            _pendingAlerts[alert.Id] = alert;
            CheckLag();
        }

        _wake.Writer.TryWrite(true);
    }

    public void OfferKpi(KpiSnapshot kpi)
    {
        lock (_gate)
        {
            if (_lagging || !_topics.Contains(FeedTopics.Kpi) || kpi.Version <= _kpiDelivered) return;
            if (_pendingKpi is null || _pendingKpi.Version < kpi.Version) _pendingKpi = kpi;
            CheckLag();
        }

        _wake.Writer.TryWrite(true);
    }

    /// <summary>Under the lock.</summary>
    private bool MatchesAny(string[] topics)
    {
        foreach (var topic in topics)
        {
            if (_topics.Contains(topic)) return true;
        }

        return false;
    }

    /// <summary>Records what a snapshot gave the subscriber, so nothing older is sent after it.</summary>
    public void Delivered(FeedSnapshot snapshot)
    {
        lock (_gate)
        {
            foreach (var state in snapshot.Items)
            {
                if (_delivered.GetValueOrDefault(state.EntityId, -1) < state.Version) _delivered[state.EntityId] = state.Version;
                if (_pending.TryGetValue(state.EntityId, out var waiting) && waiting.Version <= state.Version) _pending.Remove(state.EntityId);
            }

            foreach (var alert in snapshot.Alerts)
            {
                if (_alertsDelivered.GetValueOrDefault(alert.Id, -1) < alert.Version) _alertsDelivered[alert.Id] = alert.Version;
                if (_pendingAlerts.TryGetValue(alert.Id, out var waiting) && waiting.Version <= alert.Version) _pendingAlerts.Remove(alert.Id);
            }

            if (snapshot.Kpi is { } kpi) _kpiDelivered = Math.Max(_kpiDelivered, kpi.Version);
            if (_pendingKpi is not null && _pendingKpi.Version <= _kpiDelivered) _pendingKpi = null;
        }
    }

    /// <summary>
    /// Waits for the next delivery: the waiting states of entities not sent within the last flush interval, so each
    /// entity reaches the subscriber at most once per interval (the latest state) and one that changes rarely is not
    /// held back by others that change often (the whole delivery used to wait for the interval: up to 250 ms more
    /// latency for every state). KPI and alerts ride along, or go alone one interval after the previous delivery.
    /// </summary>
    public async Task<FeedDelivery> Next(CancellationToken cancellationToken)
    {
        while (true)
        {
            TimeSpan wait;
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (_lagging) return Take(now, all: true);
                var due = EarliestDue();
                if (due <= now) return Take(now, all: false);
                wait = due == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : due - now;
            }

            using var woken = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var offered = _wake.Reader.WaitToReadAsync(woken.Token).AsTask();
            var delay = wait == Timeout.InfiniteTimeSpan ? Task.Delay(Timeout.Infinite, woken.Token) : Task.Delay(wait, time, woken.Token);
            await Task.WhenAny(offered, delay);
            await woken.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
            _wake.Reader.TryRead(out _);
        }
    }

    /// <summary>When the first waiting item may go (under the lock); <see cref="DateTimeOffset.MaxValue"/> if none waits.</summary>
    private DateTimeOffset EarliestDue()
    {
        var due = DateTimeOffset.MaxValue;
        if (_pendingKpi is not null || _pendingAlerts.Count > 0 || (!paceEachEntity && _pending.Count > 0)) due = _lastDelivery + options.FlushInterval;
        if (!paceEachEntity) return due;
        foreach (var id in _pending.Keys)
        {
            var entityDue = _sentAt.TryGetValue(id, out var sent) ? sent + options.FlushInterval : DateTimeOffset.MinValue;
            if (entityDue < due) due = entityDue;
        }

        return due;
    }

    private FeedDelivery Take(DateTimeOffset now, bool all)
    {
        var states = all || !paceEachEntity ? [.. _pending.Values]
            : _pending.Values.Where(s => !_sentAt.TryGetValue(s.EntityId, out var sent) || sent + options.FlushInterval <= now).ToList();
        var delivery = new FeedDelivery(states, _pendingKpi, _lagging) { Alerts = [.. _pendingAlerts.Values] };
        foreach (var state in states)
        {
            _delivered[state.EntityId] = state.Version;
            _sentAt[state.EntityId] = now;
            _pending.Remove(state.EntityId);
        }

        // A resolved alert changes no more (bar closing notes, which are newer anyway): forget it, so the map stays small.
        foreach (var alert in delivery.Alerts)
        {
            if (alert.IsActive) _alertsDelivered[alert.Id] = alert.Version;
            else _alertsDelivered.Remove(alert.Id);
        }
        _pendingAlerts.Clear();
        if (_pendingKpi is not null) _kpiDelivered = _pendingKpi.Version;
        _pendingKpi = null;
        _lagging = false;
        // What stays waits on purpose (its entity was sent less than an interval ago); lag is counted from now.
        _waitingSince = _pending.Count > 0 ? now : null;
        _lastDelivery = now;
        return delivery;
    }

    /// <summary>Called under the lock after adding: a consumer that has not taken for too long is lagging.</summary>
    private void CheckLag()
    {
        var now = time.GetUtcNow();
        _waitingSince ??= now;
        if (_pending.Count + _pendingAlerts.Count <= options.MaxPendingPerSubscriber && now - _waitingSince <= options.LagTimeout) return;
        Lag();
    }

    private void Lag()
    {
        if (!_lagging)
        {
            LagCount++;
            onLag();
        }

        _lagging = true;
        _pending.Clear();
        _pendingAlerts.Clear();
        _pendingKpi = null;
    }
}
