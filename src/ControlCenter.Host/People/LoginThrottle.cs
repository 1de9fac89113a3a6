using System.Net;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Open;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.People;

/// <summary>
/// Lockout after repeated failed logins, per username and client address (an IPv6 client per /64), kept for the
/// whole cluster by one <see cref="ILoginGuardGrain"/> per username. There is deliberately no lockout of a username
/// from every address: anyone could then lock the real user out (docs/security.md).
/// </summary>
public sealed class LoginThrottle(IGrainFactory grains, IOptions<PeopleOptions> options)
{
    /// <returns>How long this client stays locked out of the username, or null when it may try.</returns>
    public Task<TimeSpan?> LockedFor(string username, IPAddress? client) => Guard(username).LockedFor(OpenSurface.ClientOf(client));

    public Task Failed(string username, IPAddress? client) => Guard(username).Failed(OpenSurface.ClientOf(client), Rules);

    public Task Succeeded(string username, IPAddress? client) => Guard(username).Succeeded(OpenSurface.ClientOf(client));

    private LockoutRules Rules
    {
        get
        {
            var o = options.Value;
            return new LockoutRules(Math.Max(1, o.MaxFailedLogins), o.LockoutDuration, o.MaxLockoutDuration < o.LockoutDuration ? o.LockoutDuration : o.MaxLockoutDuration, o.LockoutMemory);
        }
    }

    // Usernames are case-insensitive: ADMIN and admin share one count.
    private ILoginGuardGrain Guard(string username) => grains.GetGrain<ILoginGuardGrain>(username.ToLowerInvariant());
}
