using System.Collections.Concurrent;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Wall;

namespace ControlCenter.Host.Open;

/// <summary>
/// The city as the public surface sees it, held in memory from the in-process live feed: the latest state of
/// every public entity and the alerts that carry a public warning. Public requests read only this (never the
/// grains), so a crowd on the portal costs the silo nothing. Each topic has a stamp that moves when something under
/// it changed, at most once per <see cref="StampPeriod"/>; the output cache keys on it, so a cached answer is at most
/// that much older than the picture here, and a busy city (parking changes many times a second) costs one new
/// answer per address per period, not one per change. The tourism stamp also moves when a walking street opens or
/// closes, as nothing in the feed tells of that.
/// </summary>
public sealed class OpenCity(
    LiveFeed feed, IGrainFactory grains, CityWarmup warmup, CityCatalog catalog, CityClock clock, TimeProvider time, ILogger<OpenCity> logger)
    : BackgroundService
{
    /// <summary>Warnings that ended (withdrawn, or their alert resolved) stay this long in the CAP feed as cancellations.</summary>
    public static readonly TimeSpan EndedWarningsKept = TimeSpan.FromHours(24);

    public const string WarningsTopic = "warnings";

    public const string TourismTopic = "tourism";

    public static readonly TimeSpan StampPeriod = TimeSpan.FromSeconds(1);

    /// <summary>Every domain the feed has (tourism too, which the wall's feed does not follow), and the alerts for the warnings.</summary>
    private static readonly string[] Topics = [.. FeedTopics.Domains.Order(StringComparer.Ordinal), FeedTopics.Alerts];

    private readonly ConcurrentDictionary<string, long> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _changed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Alert> _warnings = new(StringComparer.Ordinal);
    private volatile WallFeed? _picture;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True once the first snapshot is in (public endpoints answer 503 before).</summary>
    public bool IsReady => _ready.Task.IsCompleted;

    /// <summary>A number that changes whenever something under the topic (a domain, or warnings) changes.</summary>
    public long Stamp(string topic) => topic == OpenEndpoints.AllTopics ? _stamps.Values.Sum() : _stamps.GetValueOrDefault(topic);

    public EntityState? State(string id) => _picture?.FindState(id);

    /// <summary>
    /// Each publication in force, or ended within <see cref="EndedWarningsKept"/>, newest first, as a snapshot of its
    /// alert carrying that publication (an alert withdrawn and published again appears twice: ended, and in force).
    /// </summary>
    public IReadOnlyList<Alert> Warnings()
    {
        var cutoff = time.GetUtcNow() - EndedWarningsKept;
        return [.. _warnings.Values.Where(a => a.WarnsPublic || EndedAt(a) >= cutoff).OrderByDescending(a => a.PublicWarning!.PublishedAt)];
    }

    /// <summary>When a publication stopped being in force: withdrawn, or its alert resolved.</summary>
    public static DateTimeOffset? EndedAt(Alert alert) =>
        alert.WarnsPublic ? null : alert.PublicWarning?.WithdrawnAt ?? alert.ResolvedAt;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await warmup.Done.Task.WaitAsync(stoppingToken);
        _ = AdvanceStamps(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            var picture = new WallFeed();
            try
            {
                picture.Changed += ids => Changed(picture, ids);
                await picture.Start(feed, time, Topics);
                await LoadRecentWarnings(picture);
                _picture = picture;
                BumpAll();
                _ready.TrySetResult();
                while (!picture.Broken) await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                logger.LogWarning("The public picture's feed broke; opening it again");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Stopping.
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not open the public picture's feed; trying again in 5 s");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
            finally
            {
                await picture.DisposeAsync();
            }
        }
    }

    /// <summary>The snapshot holds unresolved alerts only; ended warnings of the last day come from the book.</summary>
    private async Task LoadRecentWarnings(WallFeed picture)
    {
        var resolved = await grains.GetGrain<IAlertBookGrain>(0).Query(new AlertQuery(AlertStatus.Resolved, null, null, null, 1000));
        foreach (var alert in picture.Copy().Alerts.Concat(resolved)) Remember(alert);
    }

    private Task Changed(WallFeed picture, IReadOnlyCollection<string> ids)
    {
        var domains = ids.Select(picture.FindState).OfType<EntityState>().Select(FeedTopics.DomainOf).OfType<string>().Distinct();
        foreach (var domain in domains)
        {
            Bump(domain);
            DomainChanged?.Invoke(domain);
        }

        // Alerts are few: look at all of them rather than track which changed.
        var (_, alerts, _) = picture.Copy();
        foreach (var alert in alerts.Concat(picture.CopyResolved())) Remember(alert);
        return Task.CompletedTask;
    }

    /// <summary>Keeps each publication of the alert's warning (the current one and those withdrawn before it) as its own snapshot.</summary>
    private void Remember(Alert alert)
    {
        if (alert.PublicWarning is null) return;
        // The feed's loop and the start-up load both come here: the version check and the write must be one step.
        lock (_warnings)
        {
            var changed = false;
            foreach (var publication in alert.EarlierWarnings.Append(alert.PublicWarning))
            {
                var key = $"{alert.Id}@{publication.PublishedAt.UtcTicks}";
                if (_warnings.TryGetValue(key, out var known) && known.Version >= alert.Version) continue;
                _warnings[key] = alert with { PublicWarning = publication, EarlierWarnings = [] };
                changed = true;
            }

            if (!changed) return;
            var cutoff = time.GetUtcNow() - EndedWarningsKept;
            foreach (var key in _warnings.Where(w => EndedAt(w.Value) < cutoff).Select(w => w.Key).ToList()) _warnings.TryRemove(key, out _);
        }

        Bump(WarningsTopic);
    }

    /// <summary>A domain's entities changed (called on the feed's loop: keep it short).</summary>
    public event Action<string>? DomainChanged;

    /// <summary>A change is noted here and shows in the topic's stamp at the next tick of <see cref="AdvanceStamps"/>.</summary>
    public void Bump(string topic) => _changed[topic] = true;

    private async Task AdvanceStamps(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StampPeriod); // real time: it paces cache churn, not the city clock
        var walking = WalkingStreetsOpen();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var nowWalking = WalkingStreetsOpen();
                if (nowWalking != walking) Bump(TourismTopic);
                walking = nowWalking;
                foreach (var topic in _changed.Keys)
                {
                    if (_changed.TryRemove(topic, out _)) _stamps.AddOrUpdate(topic, 1, (_, n) => n + 1);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Which walking streets are open on the city clock, as one comparable value (there are a few).</summary>
    private string WalkingStreetsOpen() =>
        string.Concat(catalog.WalkingStreets.Select(w => WalkingHours.IsOpen(w, clock.Now) ? '1' : '0'));

    private void BumpAll()
    {
        foreach (var topic in FeedTopics.Domains) Bump(topic);
        Bump(WarningsTopic);
    }
}
