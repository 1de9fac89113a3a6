using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Alerts;

/// <summary>
/// The alert's public warning: published, edited and withdrawn by operators, each step on the timeline. The
/// warning's words are the operator's own; nothing else of the alert is meant for citizens.
/// </summary>
public sealed partial class AlertGrain
{
    private const int MaxEarlierWarnings = 10;

    public async Task<AlertActionResult> PublishWarning(PublicWarningDraft draft, string by)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        if (!alert.IsActive) return new(alert, AlertRefusal.Conflict, $"already resolved by {alert.ResolvedBy} at {alert.ResolvedAt:O}");

        var now = clock.Now;
        var warning = alert.PublicWarning is { Withdrawn: false } current
            ? current with
            {
                Title = draft.Title, TitleEn = draft.TitleEn, Text = draft.Text, TextEn = draft.TextEn, Area = draft.Area,
                Revision = current.Revision + 1, UpdatedAt = now,
            }
            : new PublicWarning
            {
                Title = draft.Title, TitleEn = draft.TitleEn, Text = draft.Text, TextEn = draft.TextEn, Area = draft.Area,
                PublishedAt = now, PublishedBy = by,
            };
        var action = warning.Revision == 1 ? "warning-published" : "warning-updated";
        // A withdrawn warning published again is a new publication; the withdrawn one stays on record for its Cancel.
        var earlier = alert.PublicWarning is { Withdrawn: true } withdrawn ? [.. alert.EarlierWarnings.TakeLast(MaxEarlierWarnings - 1), withdrawn] : alert.EarlierWarnings;
        await Commit(Append(alert with { PublicWarning = warning, EarlierWarnings = earlier }, now, by, action, draft.Title));
        return new(Current);
    }

    public async Task<AlertActionResult> WithdrawWarning(string by, string? note)
    {
        if (Current is not { } alert) return new(null, AlertRefusal.NotFound);
        if (alert.PublicWarning is not { } warning) return new(alert, AlertRefusal.Invalid, "this alert has no public warning");
        if (warning.Withdrawn) return new(alert, AlertRefusal.Conflict, $"already withdrawn by {warning.WithdrawnBy} at {warning.WithdrawnAt:O}");

        var now = clock.Now;
        await Commit(Append(alert with { PublicWarning = warning with { WithdrawnAt = now, WithdrawnBy = by } }, now, by, "warning-withdrawn", note));
        return new(Current);
    }
}
