namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The system clock, which a test can move forward (a lockout's end) without waiting.</summary>
public sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
}
