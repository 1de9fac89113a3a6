using System.Text.Json.Serialization;

namespace ControlCenter.Contracts.Messages;

/// <summary>
/// The current state of any entity (sensor, lot, junction, zone, city): the body of the feed's <c>state</c>
/// message and of <c>GET /api/v1/entities/{id}</c>. <see cref="Version"/> grows by one with every change.
/// Derived values are numbers, strings, booleans or string-keyed maps of them. <see cref="Ts"/> (the latest
/// reading's time) is sent as null for an entity that has never reported.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EntityState(
    [property: Id(0)] string EntityId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string ZoneId,
    [property: Id(3)] long Version,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] DateTimeOffset? Ts,
    [property: Id(5)] string Status,
    [property: Id(6)] IReadOnlyDictionary<string, double> Values,
    [property: Id(7)] IReadOnlyDictionary<string, object?> Derived);
