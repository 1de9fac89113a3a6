using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>
/// Failed logins of one username (the key, lower case), counted per client address: a client that fails too often
/// in a row is locked out for a while, longer each time. Held in memory on one silo for the whole cluster, so every
/// host sees the same count; a silo loss forgets it (docs/security.md).
/// </summary>
public interface ILoginGuardGrain : IGrainWithStringKey
{
    /// <returns>How long <paramref name="client"/> stays locked out of this username, or null when it may try.</returns>
    Task<TimeSpan?> LockedFor(string client);

    /// <returns>The lockout this failure started, or null when the client may still try.</returns>
    Task<TimeSpan?> Failed(string client, LockoutRules rules);

    /// <summary>The client got in: its failures and back-off are forgotten.</summary>
    Task Succeeded(string client);
}
