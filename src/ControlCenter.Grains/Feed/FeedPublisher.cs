using System.Diagnostics;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Feed;

/// <summary>
/// The silo's one publisher: grains hand it each committed change by a plain method call (a grain message per
/// change was a third of the ingest path's messages: docs/benchmarks.md); it coalesces them (latest version per
/// entity) and every batch period sends one batch to each host's observer. Observers are looked up from the registry
/// at most every few seconds.
/// </summary>
public sealed class FeedPublisher(IGrainFactory grains, IOptions<CityModelOptions> options, ILogger<FeedPublisher> logger) : BackgroundService
{
    /// <summary>
    /// How stale the publisher's list of hosts may be. A host that just registered must wait this long before
    /// it serves subscribers, so that every silo's publisher has looked it up by then.
    /// </summary>
    public static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, EntityState> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Alert> _pendingAlerts = new(StringComparer.Ordinal);
    private KpiSnapshot? _pendingKpi;
    private IFeedObserver[] _observers = [];
    private long? _observersFetchedAt;
    private readonly string _publisherId = Guid.NewGuid().ToString("N");
    private long _sequence;
    private DateTimeOffset? _previousSentAt;
    private List<ActivityLink>? _links;

    public void Publish(EntityState state)
    {
        lock (_gate)
        {
            LinkCaller();
            if (!_pending.TryGetValue(state.EntityId, out var known) || known.Version < state.Version) _pending[state.EntityId] = state;
        }
    }

    public void PublishKpi(KpiSnapshot kpi)
    {
        lock (_gate)
        {
            LinkCaller();
            if (_pendingKpi is null || _pendingKpi.Version < kpi.Version) _pendingKpi = kpi;
        }
    }

    public void PublishAlert(Alert alert)
    {
        lock (_gate)
        {
            LinkCaller();
            if (!_pendingAlerts.TryGetValue(alert.Id, out var known) || known.Version < alert.Version) _pendingAlerts[alert.Id] = alert;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.FeedBatchPeriod);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken)) await Flush();
        }
        catch (OperationCanceledException)
        {
            // Stopping: the last changes go out below.
        }

        try { await Flush(); }
        catch (Exception ex) { logger.LogDebug(ex, "The last feed batch could not be sent while stopping"); }
    }

    private async Task Flush()
    {
        FeedBatch batch;
        List<ActivityLink>? links;
        lock (_gate)
        {
            if (_pending.Count == 0 && _pendingKpi is null && _pendingAlerts.Count == 0) return;
            batch = new FeedBatch([.. _pending.Values], _pendingKpi, _publisherId, ++_sequence)
            {
                PreviousSentAt = _previousSentAt, Alerts = [.. _pendingAlerts.Values],
            };
            _pending.Clear();
            _pendingAlerts.Clear();
            _pendingKpi = null;
            links = _links;
            _links = null;
        }

        // The first change's call is the batch's parent, so a lone reading's path (request, grain call, publish, the
        // hosts' observers) is one trace; the other calls whose changes it carries are links.
        using var activity = links is { Count: > 0 }
            ? FeedTelemetry.Source.StartActivity(ActivityKind.Producer, links[0].Context, links: links.Skip(1), name: "feed publish")
            : FeedTelemetry.Source.StartActivity(ActivityKind.Producer, name: "feed publish");
        activity?.SetTag("controlcenter.feed.changes", batch.States.Count + batch.Alerts.Count + (batch.Kpi is null ? 0 : 1));

        _previousSentAt = DateTimeOffset.UtcNow;
        if (_observersFetchedAt is not { } fetchedAt || System.Diagnostics.Stopwatch.GetElapsedTime(fetchedAt) > ObserverRefresh)
        {
            try
            {
                // Timestamped before asking: the list is at least as fresh as this moment.
                var asked = System.Diagnostics.Stopwatch.GetTimestamp();
                _observers = await grains.GetGrain<IFeedRegistryGrain>(0).Observers();
                _observersFetchedAt = asked;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not refresh feed observers; using the {Count} known", _observers.Length);
            }
        }

        // One-way calls: a slow or vanished host never holds up the silo or the other hosts.
        foreach (var observer in _observers)
        {
            try { await observer.OnChanges(batch); }
            catch (Exception ex) { logger.LogWarning(ex, "A feed observer could not be sent batch {Sequence}", batch.Sequence); }
        }
    }

    /// <summary>Only while someone traces (a caller's activity exists): otherwise this costs one null check.</summary>
    private void LinkCaller()
    {
        if (Activity.Current is not { } caller) return;
        _links ??= [];
        if (_links.Count < FeedTelemetry.MaxLinks) _links.Add(new ActivityLink(caller.Context));
    }
}
