namespace ControlCenter.Contracts.Messages;

/// <summary>The city-wide tiles: the feed's <c>kpi</c> message and <c>GET /api/v1/kpi</c>.</summary>
[GenerateSerializer, Immutable]
public sealed record KpiSnapshot(
    [property: Id(0)] DateTimeOffset Ts,
    [property: Id(1)] long Version,
    [property: Id(2)] IReadOnlyList<KpiTile> Tiles);

/// <summary>One tile: a figure with its unit and status, and optionally its context (the worst station, the total).</summary>
[GenerateSerializer, Immutable]
public sealed record KpiTile(
    [property: Id(0)] string Id,
    [property: Id(1)] double? Value,
    [property: Id(2)] string Unit,
    [property: Id(3)] string Status)
{
    [Id(4)] public double? Of { get; init; }
    [Id(5)] public string? EntityId { get; init; }
    [Id(6)] public string? Label { get; init; }
    /// <summary>The largest single figure behind a count (the deepest flood, in cm).</summary>
    [Id(7)] public double? Peak { get; init; }
    /// <summary>How much of the figure is not known (spaces whose sensors are silent).</summary>
    [Id(8)] public double? Unknown { get; init; }
}
