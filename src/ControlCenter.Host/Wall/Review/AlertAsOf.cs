using System.Globalization;
using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Wall.Review;

/// <summary>
/// An alert as it stood at a past moment, read back from its stored timeline: every change an alert goes through
/// (acknowledged, escalated, severity changed, silenced, a step of the procedure ticked, repeated) is an entry with
/// its time, so the state at a moment is the entries up to it — never a guess from the alert's state now.
/// </summary>
public static class AlertAsOf
{
    /// <summary>The alert at <paramref name="at"/>, or null when it was not raised yet or already resolved then.</summary>
    public static Alert? At(Alert alert, DateTimeOffset at)
    {
        if (alert.RaisedAt > at || alert.ResolvedAt is { } resolved && resolved <= at) return null;
        var entries = alert.Timeline.Where(e => e.At <= at).ToList();
        var acknowledged = alert.AcknowledgedAt is { } ack && ack <= at;
        var cleared = entries.LastOrDefault(e => e.Action is "condition-cleared" or "repeated");
        return alert with
        {
            Status = acknowledged ? AlertStatus.Acknowledged : AlertStatus.Open,
            AcknowledgedAt = acknowledged ? alert.AcknowledgedAt : null,
            AcknowledgedBy = acknowledged ? alert.AcknowledgedBy : null,
            ResolvedAt = null,
            ResolvedBy = null,
            Resolution = null,
            Severity = SeverityAt(alert, at),
            EscalationLevel = entries.Count(e => e.Action == "escalated"),
            Count = 1 + entries.Count(e => e.Action == "repeated"),
            Suppressed = SuppressionAt(entries),
            ConditionClearedAt = cleared is { Action: "condition-cleared" } ? cleared.At : null,
            LastSeenAt = alert.LastSeenAt < at ? alert.LastSeenAt : at,
            Sop = [.. alert.Sop.Select(step => StepAt(step, entries))],
            Evidence = [.. alert.Evidence.Where(e => e.Ts is null || e.Ts <= at)],
            PublicWarning = alert.PublicWarning is { } warning && warning.PublishedAt <= at
                && (warning.WithdrawnAt is null || warning.WithdrawnAt > at) ? warning : null,
            Timeline = entries,
        };
    }

    /// <summary>A severity change's note reads "major → critical": the first change after the moment names the severity before it.</summary>
    private static string SeverityAt(Alert alert, DateTimeOffset at)
    {
        var next = alert.Timeline.FirstOrDefault(e => e.Action == "severity-changed" && e.At > at);
        var before = next?.Note?.Split(" → ")[0];
        return string.IsNullOrEmpty(before) ? alert.Severity : before;
    }

    private static AlertSuppression? SuppressionAt(List<TimelineEntry> entries) =>
        entries.LastOrDefault(e => e.Action is "silenced" or "inhibited" or "notifications-resumed") switch
        {
            { Action: "silenced" } e => new AlertSuppression("silence", e.Note ?? ""),
            { Action: "inhibited" } e => new AlertSuppression("inhibition", e.Note ?? ""),
            _ => null,
        };

    /// <summary>A tick's note starts with the step's number ("2. Close the road"): its last tick or untick up to the moment.</summary>
    private static SopStep StepAt(SopStep step, List<TimelineEntry> entries)
    {
        var prefix = step.Step.ToString(CultureInfo.InvariantCulture) + ". ";
        var last = entries.LastOrDefault(e => e.Action is "sop-done" or "sop-undone" && e.Note?.StartsWith(prefix, StringComparison.Ordinal) == true);
        return last is { Action: "sop-done" } ? step with { Done = true, By = last.By, At = last.At } : step with { Done = false, By = null, At = null };
    }
}
