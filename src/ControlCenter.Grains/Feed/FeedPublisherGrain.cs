using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace ControlCenter.Grains.Feed;

/// <summary>
/// The silo's one publisher: coalesces committed changes (latest version per entity) and every batch period
/// sends one batch to each host's observer. Observers are looked up from the registry at most every few seconds.
/// </summary>
[StatelessWorker(1)]
public sealed class FeedPublisherGrain(IOptions<CityModelOptions> options, ILogger<FeedPublisherGrain> logger) : Grain, IFeedPublisherGrain
{
    /// <summary>
    /// How stale the publisher's list of hosts may be. A host that just registered must wait this long before
    /// it serves subscribers, so that every silo's publisher has looked it up by then.
    /// </summary>
    public static readonly TimeSpan ObserverRefresh = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, EntityState> _pending = new(StringComparer.Ordinal);
    private KpiSnapshot? _pendingKpi;
    private readonly Dictionary<string, Alert> _pendingAlerts = new(StringComparer.Ordinal);
    private IFeedObserver[] _observers = [];
    private long? _observersFetchedAt;
    private readonly string _publisherId = Guid.NewGuid().ToString("N");
    private long _sequence;
    private DateTimeOffset? _previousSentAt;
    private IGrainTimer? _timer;

    public Task Publish(EntityState state)
    {
        if (!_pending.TryGetValue(state.EntityId, out var known) || known.Version < state.Version) _pending[state.EntityId] = state;
        EnsureTimer();
        return Task.CompletedTask;
    }

    public Task PublishKpi(KpiSnapshot kpi)
    {
        if (_pendingKpi is null || _pendingKpi.Version < kpi.Version) _pendingKpi = kpi;
        EnsureTimer();
        return Task.CompletedTask;
    }

    public Task PublishAlert(Alert alert)
    {
        if (!_pendingAlerts.TryGetValue(alert.Id, out var known) || known.Version < alert.Version) _pendingAlerts[alert.Id] = alert;
        EnsureTimer();
        return Task.CompletedTask;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) => Flush();

    private void EnsureTimer()
    {
        var period = options.Value.FeedBatchPeriod;
        _timer ??= this.RegisterGrainTimer(Flush, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    private async Task Flush()
    {
        if (_pending.Count == 0 && _pendingKpi is null && _pendingAlerts.Count == 0) return;
        var batch = new FeedBatch([.. _pending.Values], _pendingKpi, _publisherId, ++_sequence)
        {
            PreviousSentAt = _previousSentAt, Alerts = [.. _pendingAlerts.Values],
        };
        _previousSentAt = DateTimeOffset.UtcNow;
        _pending.Clear();
        _pendingAlerts.Clear();
        _pendingKpi = null;

        if (_observersFetchedAt is not { } fetchedAt || System.Diagnostics.Stopwatch.GetElapsedTime(fetchedAt) > ObserverRefresh)
        {
            try
            {
                // Timestamped before asking: the list is at least as fresh as this moment.
                var asked = System.Diagnostics.Stopwatch.GetTimestamp();
                _observers = await GrainFactory.GetGrain<IFeedRegistryGrain>(0).Observers();
                _observersFetchedAt = asked;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not refresh feed observers; using the {Count} known", _observers.Length);
            }
        }

        // One-way calls: a slow or vanished host never holds up the silo or the other hosts.
        foreach (var observer in _observers) await observer.OnChanges(batch);
    }
}
