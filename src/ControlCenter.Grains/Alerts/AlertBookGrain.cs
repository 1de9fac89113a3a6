using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ControlCenter.Grains.Alerts;

/// <summary>
/// The cluster's alert index. It turns zone rule signals into alert grain calls (one open alert per rule and
/// scope, each signal applied once), keeps a copy of each recent alert for queries, applies silences and outage
/// inhibition, and on activation re-arms every open alert's escalation (in-memory reminders do not survive a
/// restart). An alert it cannot read is left out and reported (<see cref="Unreadable"/>), not fatal.
/// </summary>
public sealed partial class AlertBookGrain(
    [PersistentState(StorageNames.AlertBookState, StorageNames.GrainStore)] IPersistentState<AlertBookState> store,
    CityClock clock,
    IOptions<CityModelOptions> options,
    ILogger<AlertBookGrain> logger) : Grain, IAlertBookGrain
{
    /// <summary>How many alerts the list keeps for queries (all open ones are always among them).</summary>
    public const int Retained = 5000;

    private readonly Dictionary<string, Alert> _alerts = new(StringComparer.Ordinal);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // One alert that cannot be read must not keep the book (and every zone's hand-off) down.
        await Load(store.State.Ids);
        if (_unreadable.Count > 0)
            logger.LogError("The alert book could not read {Count} alert(s): {AlertIds}; it runs without them and tries again every sweep",
                _unreadable.Count, string.Join(", ", _unreadable));
        foreach (var alert in _alerts.Values.Where(a => a.IsActive)) await Arm(alert.Id);

        var period = options.Value.AlertSweepPeriod;
        this.RegisterGrainTimer(SweepAndRetry, new GrainTimerCreationOptions(period, period) { KeepAlive = true });
    }

    public async Task<Alert> RaiseManual(AlertRaise raise)
    {
        var alert = await Raise(raise);
        await Sweep();
        return _alerts.GetValueOrDefault(alert.Id, alert);
    }

    public Task<Alert[]> Query(AlertQuery query)
    {
        var matches = _alerts.Values
            .Where(a => query.Status is null || a.Status == query.Status)
            .Where(a => query.Domain is null || a.Domains.Contains(query.Domain))
            .Where(a => query.ZoneId is null || a.ZoneId == query.ZoneId)
            .Where(a => query.Severity is null || a.Severity == query.Severity)
            .OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Id, StringComparer.Ordinal)
            .Take(query.Limit);
        return Task.FromResult(matches.ToArray());
    }

    public Task<Alert[]> Active() => Task.FromResult(_alerts.Values.Where(a => a.IsActive).ToArray());

    public Task<Alert[]> ActiveInZone(string zoneId) =>
        Task.FromResult(_alerts.Values.Where(a => a.IsActive && a.ZoneId == zoneId && a.RuleId != AlertRules.Manual).ToArray());

    public async Task Changed(Alert alert)
    {
        Remember(alert);
        if (!alert.IsActive && store.State.Open.TryGetValue(alert.Key, out var id) && id == alert.Id) await Forget(alert.Key, id);
    }

    public async Task<Silence> AddSilence(Silence silence)
    {
        var id = $"si-{store.State.LastNumber + 1}";
        var stored = silence with { Id = id };
        await store.WriteOrRevert(store.State with { LastNumber = store.State.LastNumber + 1, Silences = [.. store.State.Silences, stored] }, this);
        await Sweep();
        return stored;
    }

    public Task<Silence[]> Silences() => Task.FromResult(store.State.Silences.Where(s => s.Until > clock.Now).ToArray());

    public async Task<bool> RemoveSilence(string id)
    {
        if (!store.State.Silences.Any(s => s.Id == id && s.Until > clock.Now)) return false;
        await store.WriteOrRevert(store.State with { Silences = [.. store.State.Silences.Where(s => s.Id != id)] }, this);
        await Sweep();
        return true;
    }

    private async Task<Alert> Raise(AlertRaise raise)
    {
        var children = raise.ChildKeys.Select(k => store.State.Open.GetValueOrDefault(k)).OfType<string>().ToList();
        if (store.State.Open.TryGetValue(raise.Key, out var openId))
        {
            var refreshed = await GrainFactory.GetGrain<IAlertGrain>(openId).Raise(raise, children, null);
            Remember(refreshed);
            if (refreshed.IsActive) return refreshed;
            await Forget(raise.Key, openId);
        }

        // The id is taken (written) before the alert exists, so a crash between the two never reuses it.
        var id = $"al-{store.State.LastNumber + 1}";
        var open = new Dictionary<string, string>(store.State.Open) { [raise.Key] = id };
        var ids = store.State.Ids.Append(id).ToList();
        if (ids.Count > Retained)
        {
            // The oldest resolved alerts leave the list (still readable by id); open ones never do.
            var stillOpen = open.Values.ToHashSet(StringComparer.Ordinal);
            var drop = ids.Where(i => !stillOpen.Contains(i)).Take(ids.Count - Retained).ToHashSet(StringComparer.Ordinal);
            ids = [.. ids.Where(i => !drop.Contains(i))];
        }

        await store.WriteOrRevert(store.State with { LastNumber = store.State.LastNumber + 1, Ids = ids, Open = open }, this);
        foreach (var gone in _alerts.Keys.Except(ids).ToList()) _alerts.Remove(gone);

        var draft = new Alert
        {
            Id = id, RuleId = raise.RuleId, Scope = raise.Scope, Title = "", TitleEn = "", Severity = raise.Severity,
            ZoneId = raise.ZoneId, EntityIds = raise.EntityIds,
        };
        var alert = await GrainFactory.GetGrain<IAlertGrain>(id).Raise(raise, children, SuppressionOf(draft, [.. _alerts.Values.Where(o => o.IsActive && o.RuleId == AlertRules.ZoneOutage)]));
        Remember(alert);
        return alert;
    }

    private void Remember(Alert? alert)
    {
        if (alert is null) return;
        if (_alerts.TryGetValue(alert.Id, out var known) && known.Version >= alert.Version) return;
        if (store.State.Ids.Contains(alert.Id)) _alerts[alert.Id] = alert;
    }

    private async Task Forget(string key, string id)
    {
        var next = Without(store.State, key, id);
        if (!ReferenceEquals(next, store.State)) await store.WriteOrRevert(next, this);
    }

    /// <summary>The state with <paramref name="key"/> no longer open, if <paramref name="id"/> is what it holds open.</summary>
    private static AlertBookState Without(AlertBookState state, string key, string id)
    {
        if (!state.Open.TryGetValue(key, out var open) || open != id) return state;
        var remaining = new Dictionary<string, string>(state.Open);
        remaining.Remove(key);
        return state with { Open = remaining };
    }

    /// <summary>
    /// Brings every active alert's suppression in line with the silences in force and the open outages:
    /// an expired silence stops applying by itself here.
    /// </summary>
    private async Task Sweep()
    {
        var now = clock.Now;
        if (store.State.Silences.Any(s => s.Until <= now))
            await store.WriteOrRevert(store.State with { Silences = [.. store.State.Silences.Where(s => s.Until > now)] }, this);
        var outages = _alerts.Values.Where(o => o.IsActive && o.RuleId == AlertRules.ZoneOutage).ToList();
        foreach (var alert in _alerts.Values.Where(a => a.IsActive).ToList())
        {
            var wanted = SuppressionOf(alert, outages);
            if (wanted == alert.Suppressed) continue;
            try
            {
                Remember(await GrainFactory.GetGrain<IAlertGrain>(alert.Id).SetSuppression(wanted));
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Could not update the suppression of alert {AlertId}; the next sweep tries again", alert.Id);
            }
        }
    }

    private AlertSuppression? SuppressionOf(Alert alert, IReadOnlyList<Alert> openOutages)
    {
        var now = clock.Now;
        if (store.State.Silences.FirstOrDefault(s => s.Until > now && s.Matcher.Matches(alert)) is { } silence)
            return new AlertSuppression("silence", silence.Id);
        if (alert.RuleId is AlertRules.ZoneOutage or AlertRules.Manual || alert.EntityIds.Count == 0) return null;
        // A zone outage inhibits the own alerts of the sensors it covers while it is open.
        if (AlertRules.Find(alert.RuleId) is not { CrossDomain: false }) return null;
        var outage = openOutages.FirstOrDefault(o => o.ZoneId == alert.ZoneId && alert.EntityIds.All(o.EntityIds.Contains));
        return outage is null ? null : new AlertSuppression("inhibition", outage.Id);
    }
}
