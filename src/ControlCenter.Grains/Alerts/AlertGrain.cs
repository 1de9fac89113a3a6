using ControlCenter.Grains.Feed;
using Microsoft.Extensions.DependencyInjection;
using ControlCenter.Contracts;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace ControlCenter.Grains.Alerts;

/// <summary>
/// One alert, from raised to resolved. Every change is written first, then told to the alert book and (unless
/// a silence or an outage holds it back) to the live feed. An open, unsuppressed alert carries a reminder that
/// escalates it one level per window until someone acknowledges it. Changes that webhook subscribers hear about
/// are recorded in the same write (AlertGrain.Webhooks.cs).
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState(StorageNames.AlertState, StorageNames.GrainStore)] IPersistentState<AlertGrainState> store,
    ThresholdSource thresholds,
    CityClock clock,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IRemindable
{
    private const string EscalationReminder = "escalation";

    private Alert? Current => store.State.Alert;

    public Task<Alert?> Get() => Task.FromResult(Current);

    public async Task<Alert> Raise(AlertRaise raise, IReadOnlyList<string> children, AlertSuppression? suppression)
    {
        var now = raise.At;
        var evidence = raise.Evidence;
        // A resolved alert is history: the book opens a new one for the next raise.
        if (Current is { IsActive: false } resolved) return resolved;
        if (Current is not { } alert)
        {
            var rule = AlertRules.Get(raise.RuleId);
            alert = new Alert
            {
                Id = this.GetPrimaryKeyString(), RuleId = raise.RuleId, Scope = raise.Scope,
                Title = raise.Title ?? rule.Title, TitleEn = raise.TitleEn ?? rule.TitleEn,
                Severity = raise.Severity, Level = raise.Level, Domains = rule.Domains, ZoneId = raise.ZoneId,
                EntityIds = raise.EntityIds, Evidence = evidence, Children = children,
                RaisedAt = now, LastSeenAt = now, EscalationBase = now, Suppressed = suppression,
                Sop = [.. rule.Sop.Select((s, i) => new SopStep(i + 1, s.Vi, s.En, false, null, null))],
                Timeline = [new TimelineEntry(now, raise.By, "raised", raise.Note ?? $"{raise.Severity}")],
            };
            if (suppression is not null) alert = Append(alert, now, AlertActors.System, SuppressionAction(suppression), suppression.Id);
            await Commit(alert, suppressionChanged: true);
            return Current!;
        }

        var next = alert with
        {
            LastSeenAt = now, Evidence = evidence, EntityIds = raise.EntityIds, Level = raise.Level,
            Children = [.. alert.Children.Union(children, StringComparer.Ordinal)],
        };
        if (alert.ConditionClearedAt is not null || raise.RuleId == AlertRules.Manual)
            next = Append(next with { Count = alert.Count + 1, ConditionClearedAt = null }, now, raise.By, "repeated", raise.Note);
        if (raise.Severity != alert.Severity)
        {
            // The levels reached so far stay; the next one comes one window of the new severity from now.
            next = Append(next with { Severity = raise.Severity }, now, raise.By, "severity-changed", $"{alert.Severity} → {raise.Severity}");
            next = next with { EscalationBase = now - EscalationWindow(next) * next.EscalationLevel };
        }

        // The same raise again (the book applying a signal whose first application it could not record) is no change.
        if (SameRefresh(alert, next)) return alert;
        await Commit(next);
        return Current!;
    }

    private static bool SameRefresh(Alert before, Alert after) =>
        before.LastSeenAt == after.LastSeenAt && before.Level == after.Level && before.Count == after.Count
        && before.Severity == after.Severity && before.ConditionClearedAt == after.ConditionClearedAt
        && before.Evidence.SequenceEqual(after.Evidence) && before.EntityIds.SequenceEqual(after.EntityIds)
        && before.Children.SequenceEqual(after.Children);

    public async Task<Alert?> ConditionCleared(DateTimeOffset at)
    {
        if (Current is not { IsActive: true } alert || alert.ConditionClearedAt is not null) return Current;
        await Commit(Append(alert with { ConditionClearedAt = at }, at, AlertActors.System, "condition-cleared", null));
        return Current;
    }

    public async Task<Alert?> AutoResolve(DateTimeOffset at)
    {
        if (Current is not { IsActive: true } alert) return Current;
        var resolved = alert with { Status = AlertStatus.Resolved, ResolvedAt = at, ResolvedBy = AlertActors.System, Resolution = "auto" };
        await Commit(Append(resolved, at, AlertActors.System, "resolved", "auto: the condition stayed clear for the hold time"));
        return Current;
    }

    public async Task<AlertActionResult> Acknowledge(string by, string? note)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        if (alert.Status != AlertStatus.Open)
        {
            var (who, when) = alert.Status == AlertStatus.Acknowledged ? (alert.AcknowledgedBy, alert.AcknowledgedAt) : (alert.ResolvedBy, alert.ResolvedAt);
            return new(alert, AlertRefusal.Conflict, $"already {alert.Status} by {who} at {when:O}");
        }

        var now = clock.Now;
        await Commit(Append(alert with { Status = AlertStatus.Acknowledged, AcknowledgedAt = now, AcknowledgedBy = by }, now, by, "acknowledged", note));
        return new(Current);
    }

    public async Task<AlertActionResult> Resolve(string by, string note)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        if (!alert.IsActive) return new(alert, AlertRefusal.Conflict, $"already resolved by {alert.ResolvedBy} at {alert.ResolvedAt:O}");
        var now = clock.Now;
        await Commit(Append(alert with { Status = AlertStatus.Resolved, ResolvedAt = now, ResolvedBy = by, Resolution = "manual" }, now, by, "resolved", note));
        return new(Current);
    }

    public async Task<AlertActionResult> AddNote(string by, string text)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        await Commit(Append(alert, clock.Now, by, "note", text));
        return new(Current);
    }

    public async Task<AlertActionResult> TickSop(int step, bool done, string by)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        if (step < 1 || step > alert.Sop.Count) return new(alert, AlertRefusal.Invalid, $"this alert's procedure has steps 1 to {alert.Sop.Count}");
        var now = clock.Now;
        var sop = alert.Sop.Select(s => s.Step == step ? s with { Done = done, By = by, At = now } : s).ToList();
        await Commit(Append(alert with { Sop = sop }, now, by, done ? "sop-done" : "sop-undone", $"{step}. {alert.Sop[step - 1].Text}"));
        return new(Current);
    }

    public async Task<Alert?> SetSuppression(AlertSuppression? suppression)
    {
        if (Current is not { } alert || alert.Suppressed == suppression) return Current;
        var now = clock.Now;
        var next = suppression is null
            // Escalation counts from now on as if the silenced time had not passed.
            ? Append(alert with { Suppressed = null, EscalationBase = now - EscalationWindow(alert) * alert.EscalationLevel }, now, AlertActors.System, "notifications-resumed", null)
            : Append(alert with { Suppressed = suppression }, now, AlertActors.System, SuppressionAction(suppression), suppression.Id);
        await Commit(next, suppressionChanged: true);
        return Current;
    }

    public async Task CheckEscalation()
    {
        if (Current is not { Status: AlertStatus.Open, Suppressed: null } alert || EscalationWindow(alert) is var window && window <= TimeSpan.Zero)
        {
            await Disarm();
            return;
        }

        var now = clock.Now;
        var due = (int)Math.Floor((now - alert.EscalationBase) / window);
        if (due <= alert.EscalationLevel) return;
        var next = alert;
        for (var level = alert.EscalationLevel + 1; level <= due; level++)
            next = Append(next with { EscalationLevel = level }, now, AlertActors.System, "escalated", $"level {level}: not acknowledged within {window.TotalMinutes:0.#} min");
        await Commit(next);
    }

    public async Task Arm()
    {
        if (Current is not { Status: AlertStatus.Open, Suppressed: null } alert || EscalationWindow(alert) is var window && window <= TimeSpan.Zero)
        {
            await Disarm();
            return;
        }

        var nextAt = alert.EscalationBase + window * (alert.EscalationLevel + 1);
        var dueIn = nextAt - clock.Now;
        await this.RegisterOrUpdateReminder(EscalationReminder, dueIn > TimeSpan.FromSeconds(1) ? dueIn : TimeSpan.FromSeconds(1), window);
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => CheckEscalation();

    private static string SuppressionAction(AlertSuppression suppression) => suppression.By == "silence" ? "silenced" : "inhibited";

    private TimeSpan EscalationWindow(Alert alert) =>
        TimeSpan.FromMinutes(thresholds.Packs.Alerting.EscalationMinutes(alert.Severity));

    private async Task Disarm()
    {
        if (await this.GetReminder(EscalationReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    /// <summary>A timeline keeps its first entry and the latest ones: a sensor flapping for weeks cannot grow it without end.</summary>
    public const int MaxTimeline = 500;

    private static Alert Append(Alert alert, DateTimeOffset at, string by, string action, string? note)
    {
        var timeline = alert.Timeline.Append(new TimelineEntry(at, by, action, note));
        if (alert.Timeline.Count >= MaxTimeline) timeline = alert.Timeline.Take(1).Concat(timeline.Skip(alert.Timeline.Count + 2 - MaxTimeline));
        return alert with { Timeline = [.. timeline] };
    }

    /// <summary>Write, then tell: the book always, the feed unless the alert is suppressed (its suppression itself is told).</summary>
    private async Task Commit(Alert next, bool suppressionChanged = false)
    {
        var before = Current;
        var versioned = next with { Version = (before?.Version ?? 0) + 1 };
        await store.WriteOrRevert(WithNotification(store.State with { Alert = versioned }, before, versioned), this);
        var alert = Current!;
        await GrainFactory.GetGrain<IAlertBookGrain>(0).Changed(alert);
        // A suppressed alert's changes are held back, but not its resolution: walls must see it go.
        if (alert.Suppressed is null || suppressionChanged || before?.Status != alert.Status)
            ServiceProvider.GetRequiredService<FeedPublisher>().PublishAlert(alert);
        // Escalation follows what changed: armed while open and notified, gone once acknowledged, resolved or suppressed.
        if (before?.Status != alert.Status || before?.Suppressed != alert.Suppressed || before?.Severity != alert.Severity || before is null)
        {
            try
            {
                await Arm();
            }
            catch (Exception ex)
            {
                // The change is written and stands; the book re-arms open alerts when it next activates.
                logger.LogError(ex, "Alert {AlertId}: could not arm or disarm its escalation reminder", alert.Id);
            }
        }

        await HandOffNotifications();
    }
}
