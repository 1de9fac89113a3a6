using System.Security.Claims;
using ControlCenter.Contracts.Grains;

namespace ControlCenter.Host.Wall;

/// <summary>Where a signed-in person's wall settings live: one grain per username, in lower case as sign-in treats it.</summary>
public static class WallPreferences
{
    public static IUserPreferencesGrain For(IGrainFactory grains, ClaimsPrincipal user) =>
        grains.GetGrain<IUserPreferencesGrain>((user.Identity?.Name ?? "unknown").Trim().ToLowerInvariant());
}
