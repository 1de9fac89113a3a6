using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.People;

/// <summary>Locks a username out for a while after too many failed logins in a row.</summary>
public sealed class LoginThrottle(IOptions<PeopleOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset? LockedUntil)> _state = new(StringComparer.OrdinalIgnoreCase);

    /// <returns>How long the username stays locked, or null when it may try.</returns>
    public TimeSpan? LockedFor(string username)
    {
        if (!_state.TryGetValue(username, out var s) || s.LockedUntil is not { } until) return null;
        var left = until - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : null;
    }

    public void Failed(string username) => _state.AddOrUpdate(username,
        _ => (1, null),
        (_, s) =>
        {
            var failures = s.LockedUntil is { } until && until <= time.GetUtcNow() ? 1 : s.Failures + 1;
            return failures >= options.Value.MaxFailedLogins ? (0, time.GetUtcNow() + options.Value.LockoutDuration) : (failures, s.LockedUntil);
        });

    public void Succeeded(string username) => _state.TryRemove(username, out _);
}
