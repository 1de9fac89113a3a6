namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>The system clock moved by a fixed offset: a city clock that reads another day but still runs.</summary>
public sealed class OffsetTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
