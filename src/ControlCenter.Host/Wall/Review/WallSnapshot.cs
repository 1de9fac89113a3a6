using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Wall.Review;

/// <summary>The city at one past moment, in the shapes the live feed delivers: entity states, the alerts unresolved then, the tiles.</summary>
public sealed record WallSnapshot(DateTimeOffset At, IReadOnlyList<EntityState> States, IReadOnlyList<Alert> Alerts, KpiSnapshot Kpi)
{
    /// <summary>A wall feed that holds this moment and never follows the live feed: the wall's components draw it as they draw now.</summary>
    public WallFeed ToFeed(TimeProvider time)
    {
        var feed = new WallFeed { AsOf = At };
        feed.Accept(States, Kpi, Alerts, time);
        return feed;
    }
}
