using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Host.Hosting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Feed;

/// <summary>
/// The in-process live feed: every batch the silos publish lands here and is offered to each subscription.
/// The wall's components subscribe here directly; the SignalR hub is one more consumer of the same
/// subscriptions. Snapshots read the grains, so a new subscriber starts from the current state.
/// </summary>
public sealed class LiveFeed
{
    private readonly CityCatalog _catalog;
    private readonly IGrainFactory _grains;
    private readonly IOptions<LiveFeedOptions> _options;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, FeedSubscription> _subscriptions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _sequences = new(StringComparer.Ordinal);
    private readonly Counter<long> _changesReceived;
    private readonly Counter<long> _lags;
    private readonly Counter<long> _gaps;
    private DateTimeOffset? _servingSince;
    private long _gapsDetected;

    public LiveFeed(CityCatalog catalog, IGrainFactory grains, IOptions<LiveFeedOptions> options, TimeProvider time, IMeterFactory meters)
    {
        _catalog = catalog;
        _grains = grains;
        _options = options;
        _time = time;
        var meter = meters.Create(CityTelemetry.MeterName);
        // Subscriptions are state, read when collected; the rest are events, counted as they happen.
        meter.CreateObservableUpDownCounter("controlcenter.feed.subscribers", () => (long)Subscribers, "{subscriber}", "Live feed subscriptions on this host");
        _changesReceived = meter.CreateCounter<long>("controlcenter.feed.changes_received", "{change}", "Changes the silos published to this host");
        _lags = meter.CreateCounter<long>("controlcenter.feed.lagging", "{resync}", "Subscribers resynced because they lagged");
        _gaps = meter.CreateCounter<long>("controlcenter.feed.gaps", "{gap}", "Batches found missing, each answered by resyncing everyone");
    }

    public LiveFeedOptions Options => _options.Value;

    public int Subscribers => _subscriptions.Count;

    /// <summary>The series without a label from the start (0), as before: see <see cref="TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        _changesReceived.Add(0);
        _lags.Add(0);
        _gaps.Add(0);
    }

    public IEnumerable<FeedSubscription> Subscriptions => _subscriptions.Values;

    /// <summary>For in-process consumers (the wall's components): snapshot, then changes, until disposed.</summary>
    public Task<FeedSession> Open(IReadOnlyCollection<string> topics, CancellationToken cancellationToken) =>
        FeedSession.Open(this, topics, cancellationToken);

    /// <param name="paceEachEntity">See <see cref="FeedSubscription"/>: true for hub connections.</param>
    public FeedSubscription Subscribe(string id, bool paceEachEntity = false)
    {
        lock (_sequences) _servingSince ??= _time.GetUtcNow();
        return _subscriptions.GetOrAdd(id, key => new FeedSubscription(key, _options.Value, _time, CountLag, paceEachEntity));
    }

    public FeedSubscription? Find(string id) => _subscriptions.GetValueOrDefault(id);

    public void Unsubscribe(string id) => _subscriptions.TryRemove(id, out _);

    /// <summary>Batches found missing (a publisher's sequence skipped), each answered by resyncing everyone; read by tests in process.</summary>
    public long GapsDetected => Interlocked.Read(ref _gapsDetected);

    /// <summary>
    /// Called by the host's observer with each batch a silo's publisher sends. A batch that skips a sequence
    /// number means this host missed changes (a dropped message, a registry that forgot this host for a
    /// while): every subscriber is then resynced with a snapshot, since nobody can tell what was lost.
    /// </summary>
    public void Publish(FeedBatch batch)
    {
        _changesReceived.Add(batch.States.Count + batch.Alerts.Count + (batch.Kpi is null ? 0 : 1));
        if (MissedSome(batch))
        {
            _gaps.Add(1);
            Interlocked.Increment(ref _gapsDetected);
            foreach (var subscription in _subscriptions.Values) subscription.MarkLagging();
        }

        // Topics once per change, not once per change per subscriber.
        var states = batch.States.Select(s => (State: s, Topics: FeedTopics.Of(s).ToArray())).ToArray();
        var alerts = batch.Alerts.Select(a => (Alert: a, Topics: FeedTopics.Of(a).ToArray())).ToArray();
        foreach (var subscription in _subscriptions.Values)
        {
            foreach (var (state, topics) in states) subscription.Offer(state, topics);
            foreach (var (alert, topics) in alerts) subscription.OfferAlert(alert, topics);
            if (batch.Kpi is { } kpi) subscription.OfferKpi(kpi);
        }
    }

    private bool MissedSome(FeedBatch batch)
    {
        lock (_sequences)
        {
            var known = _sequences.TryGetValue(batch.PublisherId, out var last);
            _sequences[batch.PublisherId] = Math.Max(last, batch.Sequence);
            if (known) return batch.Sequence > last + 1;
            // A publisher heard of for the first time mid-stream: what it sent before matters only if it was sent
            // while this host already served subscribers (a second of slack for clocks between silos).
            return batch.Sequence > 1 && batch.PreviousSentAt is { } previous
                && _servingSince is { } since && previous >= since - TimeSpan.FromSeconds(1);
        }
    }

    /// <summary>
    /// The alerts a snapshot of these topics holds: every unresolved alert under a matching topic (silenced and
    /// inhibited ones too, marked so, so that a wall can show them apart).
    /// </summary>
    private async Task<IReadOnlyList<Alert>> AlertsFor(IReadOnlyCollection<string> topics)
    {
        if (!topics.Any(t => t == FeedTopics.Alerts || t.StartsWith(FeedTopics.ZonePrefix, StringComparison.Ordinal) || t.StartsWith(FeedTopics.EntityPrefix, StringComparison.Ordinal)))
            return [];
        var active = await _grains.GetGrain<IAlertBookGrain>(0).Active();
        return [.. active.Where(a => FeedTopics.Of(a).Any(topics.Contains)).OrderByDescending(a => a.RaisedAt)];
    }

    internal void CountLag() => _lags.Add(1);

    /// <summary>The current state of everything the topics cover, read from the grains.</summary>
    public async Task<FeedSnapshot> Snapshot(IReadOnlyCollection<string> topics, CancellationToken cancellationToken)
    {
        var ids = topics.SelectMany(t => FeedTopics.EntityIds(t, _catalog)).Distinct(StringComparer.Ordinal).ToArray();
        var states = await Task.WhenAll(ids.Select(id => MemberFetch.Entity(_grains, _catalog, id).GetState()));
        cancellationToken.ThrowIfCancellationRequested();
        var kpi = topics.Contains(FeedTopics.Kpi)
            ? await _grains.GetGrain<ICityGrain>(EntityKinds.CityId).GetKpi()
            : null;
        return new FeedSnapshot(states, await AlertsFor(topics), kpi);
    }
}
