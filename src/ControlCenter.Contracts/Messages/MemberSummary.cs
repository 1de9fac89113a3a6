using ControlCenter.Domain.Derived;

namespace ControlCenter.Contracts.Messages;

/// <summary>
/// What an entity tells the aggregate above it (spot → lot, detector → junction, lot/junction/sensor → zone)
/// after it changes: its status, its key figures, and the health of the sensors it stands for.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record MemberSummary(
    [property: Id(0)] string EntityId,
    [property: Id(1)] string Kind,
    [property: Id(2)] long Version,
    [property: Id(3)] EntityStatus Status,
    [property: Id(4)] DateTimeOffset? Ts,
    [property: Id(5)] IReadOnlyDictionary<string, double> Figures,
    [property: Id(6)] SensorHealthCounts Health);

/// <summary>How many sensors an entity stands for and how many of them are stale or offline.</summary>
[GenerateSerializer, Immutable]
public sealed record SensorHealthCounts(
    [property: Id(0)] int Sensors,
    [property: Id(1)] int Stale,
    [property: Id(2)] int Offline)
{
    public static readonly SensorHealthCounts None = new(0, 0, 0);

    public SensorHealthCounts Add(SensorHealthCounts other) =>
        new(Sensors + other.Sensors, Stale + other.Stale, Offline + other.Offline);
}
