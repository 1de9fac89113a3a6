namespace ControlCenter.Grains.Hosting;

/// <summary>
/// The clock the city model reads (sensor health, windows). It wraps an injected <see cref="TimeProvider"/> of its
/// own so that tests can move the city's time without moving the time Orleans itself runs on.
/// </summary>
public sealed class CityClock(TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();
}
