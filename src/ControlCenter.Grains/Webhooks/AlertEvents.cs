using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Messages.Webhooks;

namespace ControlCenter.Grains.Webhooks;

/// <summary>Which webhook event, if any, an alert change is.</summary>
public static class AlertEvents
{
    /// <summary>
    /// The event of the change from <paramref name="before"/> to <paramref name="after"/>, or null.
    /// <para>
    /// A suppressed alert (silenced, or inhibited by a zone outage) says nothing while suppressed, except its
    /// resolution, and that only if subscribers were told it was raised: a receiver that opened a ticket must be able
    /// to close it. An alert first heard of when its suppression lifts is <c>raised</c> then, whatever its status.
    /// </para>
    /// </summary>
    /// <param name="announced">Whether a <c>raised</c> has already gone out for this alert.</param>
    public static string? Of(Alert? before, Alert after, bool announced)
    {
        if (after.Status == AlertStatus.Resolved)
            return before?.Status != AlertStatus.Resolved && announced ? WebhookEvents.Resolved : null;
        if (after.Suppressed is not null) return null;
        if (!announced) return WebhookEvents.Raised;
        if (before is null) return null;
        if (before.Status == AlertStatus.Open && after.Status == AlertStatus.Acknowledged) return WebhookEvents.Acknowledged;
        return after.EscalationLevel > before.EscalationLevel ? WebhookEvents.Escalated : null;
    }
}
