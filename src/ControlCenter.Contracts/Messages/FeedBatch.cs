namespace ControlCenter.Contracts.Messages;

/// <summary>The changes one silo's publisher collected in one batch: the latest state per entity, and the latest tiles.</summary>
[GenerateSerializer, Immutable]
public sealed record FeedBatch(
    [property: Id(0)] IReadOnlyList<EntityState> States,
    [property: Id(1)] KpiSnapshot? Kpi);
