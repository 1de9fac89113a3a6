using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Hosting;

namespace ControlCenter.Grains.People;

/// <summary>
/// Lockout per (username, client address), so a stranger's wrong passwords lock out only the stranger's address.
/// Kept in memory: a login must not wait for a database write, and a silo loss only hands each client its
/// remaining tries again (the per-client rate limit in front still holds). A lockout keeps the grain active until it
/// ends and for <see cref="LockoutRules.MaxLockout"/> after, or an idle quarter of an hour would end it early and lose
/// the back-off; past that the back-off lasts as long as the grain stays active (at most <see cref="LockoutRules.Memory"/>).
/// It reads the grains' clock (tests move it to end a lockout).
/// </summary>
public sealed class LoginGuardGrain(CityClock clock) : Grain, ILoginGuardGrain
{
    /// <summary>Past this many clients, forgotten ones are dropped, then the quietest: a botnet cannot grow one grain without end.</summary>
    private const int MaxClients = 10_000;

    private readonly Dictionary<string, ClientRecord> _clients = new(StringComparer.Ordinal);

    public Task<TimeSpan?> LockedFor(string client) => Task.FromResult(Remaining(client, clock.Now));

    public Task<TimeSpan?> Failed(string client, LockoutRules rules)
    {
        var now = clock.Now;
        if (Remaining(client, now) is { } already) return Task.FromResult<TimeSpan?>(already);

        var record = _clients.TryGetValue(client, out var known) && now - known.LastFailure < rules.Memory ? known : new ClientRecord(0, null, 0, now);
        TimeSpan? lockout = null;
        if (record.Failures + 1 >= rules.MaxFailures)
        {
            lockout = rules.LockoutFor(record.Lockouts + 1);
            record = new ClientRecord(0, now + lockout, record.Lockouts + 1, now);
        }
        else
        {
            record = record with { Failures = record.Failures + 1, LastFailure = now };
        }

        _clients[client] = record;
        if (_clients.Count > MaxClients) Prune(now, rules.Memory);
        // Kept active through the lockout and an hour-long lockout after it, so an address that comes back meets its
        // back-off; failures short of a lockout do not keep it, so made-up usernames cost memory only briefly.
        if (lockout is { } locked) DelayDeactivation(locked + rules.MaxLockout);
        return Task.FromResult(lockout);
    }

    public Task Succeeded(string client)
    {
        if (_clients.Remove(client) && _clients.Count == 0) DelayDeactivation(TimeSpan.Zero);
        return Task.CompletedTask;
    }

    private TimeSpan? Remaining(string client, DateTimeOffset now) =>
        _clients.TryGetValue(client, out var record) && record.LockedUntil is { } until && until > now ? until - now : null;

    private void Prune(DateTimeOffset now, TimeSpan memory)
    {
        foreach (var client in _clients.Where(c => now - c.Value.LastFailure >= memory && !(c.Value.LockedUntil > now)).Select(c => c.Key).ToList())
            _clients.Remove(client);
        foreach (var client in _clients.OrderBy(c => c.Value.LastFailure).Take(_clients.Count - MaxClients).Select(c => c.Key).ToList())
            _clients.Remove(client);
    }

    private sealed record ClientRecord(int Failures, DateTimeOffset? LockedUntil, int Lockouts, DateTimeOffset LastFailure);
}
