using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Wall;

/// <summary>
/// What a responder does to an alert from the wall: the same grain calls and audit entries as the REST API,
/// with the role checked here again (a hidden button is not a permission).
/// </summary>
public sealed class WallActions(IGrainFactory grains, AuditLog audit, Domain.Catalog.CityCatalog catalog)
{
    public const int MaxText = Alerts.AlertEndpoints.MaxText;

    public static bool CanAct(ClaimsPrincipal user) => Roles.AtLeast(Roles.Responder).Any(user.IsInRole);

    /// <summary>Publishing to citizens is an operator's call.</summary>
    public static bool CanPublish(ClaimsPrincipal user) => Roles.AtLeast(Roles.Operator).Any(user.IsInRole);

    public async Task<AlertActionResult> PublishWarning(ClaimsPrincipal user, Alert alert, Alerts.PublicWarningDrafts.PublishRequest request)
    {
        if (!CanPublish(user)) return new(null, AlertRefusal.Invalid, "role");
        if (!Alerts.PublicWarningDrafts.TryRead(request, alert, catalog, out var draft, out var problem)) return new(null, AlertRefusal.Invalid, problem);
        var result = await grains.GetGrain<IAlertGrain>(alert.Id).PublishWarning(draft!, Name(user));
        if (result.Alert?.PublicWarning is { } published && result.Refusal == AlertRefusal.None)
            await Audit(user, published.Revision == 1 ? "warning-published" : "warning-updated", alert.Id, draft!.Title);
        return result;
    }

    public async Task<AlertActionResult> WithdrawWarning(ClaimsPrincipal user, string alertId)
    {
        if (!CanPublish(user)) return new(null, AlertRefusal.Invalid, "role");
        var result = await grains.GetGrain<IAlertGrain>(alertId).WithdrawWarning(Name(user), null);
        if (result.Refusal == AlertRefusal.None) await Audit(user, "warning-withdrawn", alertId, null);
        return result;
    }

    public async Task<AlertActionResult> Acknowledge(ClaimsPrincipal user, string alertId, string? note)
    {
        var result = await Act(user, alertId, g => g.Acknowledge(Name(user), Trim(note)));
        if (result.Refusal == AlertRefusal.None) await Audit(user, "alert-acknowledged", alertId, note);
        return result;
    }

    public async Task<AlertActionResult> Resolve(ClaimsPrincipal user, string alertId, string? note)
    {
        if (string.IsNullOrWhiteSpace(note)) return new(null, AlertRefusal.Invalid, "note");
        var result = await Act(user, alertId, g => g.Resolve(Name(user), Trim(note)!));
        if (result.Refusal == AlertRefusal.None) await Audit(user, "alert-resolved", alertId, note);
        return result;
    }

    public Task<AlertActionResult> AddNote(ClaimsPrincipal user, string alertId, string? text) =>
        string.IsNullOrWhiteSpace(text) ? Task.FromResult(new AlertActionResult(null, AlertRefusal.Invalid, "text"))
        : Act(user, alertId, g => g.AddNote(Name(user), Trim(text)!));

    public Task<AlertActionResult> TickSop(ClaimsPrincipal user, string alertId, int step, bool done) =>
        Act(user, alertId, g => g.TickSop(step, done, Name(user)));

    private async Task<AlertActionResult> Act(ClaimsPrincipal user, string alertId, Func<IAlertGrain, Task<AlertActionResult>> action) =>
        CanAct(user) ? await action(grains.GetGrain<IAlertGrain>(alertId)) : new(null, AlertRefusal.Invalid, "role");

    private Task Audit(ClaimsPrincipal user, string action, string target, string? detail) =>
        audit.Record(Name(user), user.FindFirstValue(ClaimTypes.Role), action, target, detail, "wall");

    private static string Name(ClaimsPrincipal user) => user.Identity?.Name ?? "unknown";

    private static string? Trim(string? text) => text is null ? null : text.Trim() is { Length: > MaxText } t ? t[..MaxText] : text.Trim();
}
