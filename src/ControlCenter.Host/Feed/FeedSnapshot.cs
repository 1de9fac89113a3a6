using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Feed;

/// <summary>What <c>Subscribe</c> returns (and a <c>snapshot</c> message after <c>lagging</c> carries).</summary>
public sealed record FeedSnapshot(IReadOnlyList<EntityState> Items, IReadOnlyList<Alert> Alerts, KpiSnapshot? Kpi);

/// <summary>One coalesced delivery to a subscriber.</summary>
public sealed record FeedDelivery(IReadOnlyList<EntityState> States, KpiSnapshot? Kpi, bool Lagging)
{
    public IReadOnlyList<Alert> Alerts { get; init; } = [];
}
