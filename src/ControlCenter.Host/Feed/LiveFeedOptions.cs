namespace ControlCenter.Host.Feed;

public sealed class LiveFeedOptions
{
    public const string Section = "Feed";

    /// <summary>A subscriber gets at most one message per entity per interval: the latest state.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Changes waiting longer than this for a subscriber mean it cannot keep up: it is told and resynced.</summary>
    public TimeSpan LagTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most entity states one subscriber may have waiting before it is treated as lagging.</summary>
    public int MaxPendingPerSubscriber { get; set; } = 20_000;

    public int MaxTopicsPerConnection { get; set; } = 64;

    /// <summary>How many connections one feed token (or one person) may hold at once.</summary>
    public int MaxConnectionsPerCaller { get; set; } = 100;
}
