namespace ControlCenter.Contracts.Messages;

/// <summary>
/// When a client is locked out of a username: after <see cref="MaxFailures"/> failures in a row, for
/// <see cref="FirstLockout"/>, doubled with each further lockout up to <see cref="MaxLockout"/>. A client with no
/// failure for <see cref="Memory"/> starts again from nothing.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LockoutRules(
    [property: Id(0)] int MaxFailures, [property: Id(1)] TimeSpan FirstLockout, [property: Id(2)] TimeSpan MaxLockout, [property: Id(3)] TimeSpan Memory)
{
    /// <summary>The length of the <paramref name="lockouts"/>-th lockout in a row (1 is the first).</summary>
    public TimeSpan LockoutFor(int lockouts)
    {
        var factor = Math.Pow(2, Math.Clamp(lockouts - 1, 0, 30));
        return TimeSpan.FromTicks((long)Math.Min(FirstLockout.Ticks * factor, MaxLockout.Ticks));
    }
}
