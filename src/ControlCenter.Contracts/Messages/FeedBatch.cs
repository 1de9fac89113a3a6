namespace ControlCenter.Contracts.Messages;

/// <summary>
/// The changes one silo's publisher collected in one batch: the latest state per entity, and the latest tiles.
/// <see cref="Sequence"/> counts the publisher's batches from 1, so a host can tell when it missed one.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record FeedBatch(
    [property: Id(0)] IReadOnlyList<EntityState> States,
    [property: Id(1)] KpiSnapshot? Kpi,
    [property: Id(2)] string PublisherId,
    [property: Id(3)] long Sequence)
{
    /// <summary>When the publisher sent its previous batch (to anyone): tells a host that first hears from it
    /// whether what it missed came before or after the host began serving subscribers.</summary>
    [Id(4)] public DateTimeOffset? PreviousSentAt { get; init; }

    /// <summary>The latest version of each alert that changed.</summary>
    [Id(5)] public IReadOnlyList<Alert> Alerts { get; init; } = [];
}
