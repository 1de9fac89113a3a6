using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Wall;

/// <summary>
/// What an operator does to a lot from the wall: close it with a reason or reopen it. The same grain call and
/// audit entry as <c>POST /api/v1/parking/lots/{id}/close</c>, with the role checked here again.
/// </summary>
public sealed class WallParking(IGrainFactory grains, AuditLog audit, ILogger<WallParking> logger)
{
    public const int MaxReason = 500;

    public static bool CanAct(ClaimsPrincipal user) => Roles.AtLeast(Roles.Operator).Any(user.IsInRole);

    /// <returns>False when refused (role, no reason).</returns>
    public async Task<bool> Close(ClaimsPrincipal user, string lotId, string? reason)
    {
        var trimmed = reason?.Trim();
        if (!CanAct(user) || string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReason) return false;
        return await Act(() => grains.GetGrain<IParkingLotGrain>(lotId).SetClosed(trimmed), user, "lot-closed", lotId, trimmed);
    }

    public async Task<bool> Reopen(ClaimsPrincipal user, string lotId)
    {
        if (!CanAct(user)) return false;
        return await Act(() => grains.GetGrain<IParkingLotGrain>(lotId).SetClosed(null), user, "lot-reopened", lotId, null);
    }

    /// <summary>A failed call leaves the wall working (the operator sees nothing changed and can try again).</summary>
    private async Task<bool> Act(Func<Task> change, ClaimsPrincipal user, string action, string lotId, string? detail)
    {
        try
        {
            await change();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not change lot {LotId} from the wall", lotId);
            return false;
        }

        await audit.Record(user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.Role), action, lotId, detail, "wall");
        return true;
    }
}
