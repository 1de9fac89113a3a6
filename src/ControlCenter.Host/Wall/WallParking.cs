using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Host.Audit;
using ControlCenter.Host.People;

namespace ControlCenter.Host.Wall;

/// <summary>
/// What an operator does to a lot from the wall: close it with a reason or reopen it. The same grain call and
/// audit entry as <c>POST /api/v1/parking/lots/{id}/close</c>, with the role checked here again.
/// </summary>
public sealed class WallParking(IGrainFactory grains, AuditLog audit)
{
    public const int MaxReason = 500;

    public static bool CanAct(ClaimsPrincipal user) => Roles.AtLeast(Roles.Operator).Any(user.IsInRole);

    /// <returns>False when refused (role, no reason).</returns>
    public async Task<bool> Close(ClaimsPrincipal user, string lotId, string? reason)
    {
        var trimmed = reason?.Trim();
        if (!CanAct(user) || string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxReason) return false;
        await grains.GetGrain<IParkingLotGrain>(lotId).SetClosed(trimmed);
        await audit.Record(user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.Role), "lot-closed", lotId, trimmed, "wall");
        return true;
    }

    public async Task<bool> Reopen(ClaimsPrincipal user, string lotId)
    {
        if (!CanAct(user)) return false;
        await grains.GetGrain<IParkingLotGrain>(lotId).SetClosed(null);
        await audit.Record(user.Identity?.Name ?? "unknown", user.FindFirstValue(ClaimTypes.Role), "lot-reopened", lotId, null, "wall");
        return true;
    }
}
