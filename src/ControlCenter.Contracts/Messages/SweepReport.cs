namespace ControlCenter.Contracts.Messages;

/// <summary>One sweep of the city: when it ran, how many grains it asked to check themselves, and how many did not answer.</summary>
[GenerateSerializer, Immutable]
public sealed record SweepReport(
    [property: Id(0)] DateTimeOffset StartedAt,
    [property: Id(1)] TimeSpan Took,
    [property: Id(2)] int Sensors,
    [property: Id(3)] int Zones,
    [property: Id(4)] int LotDesks,
    [property: Id(5)] int Failed);
