using System.Text.Json.Nodes;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// One attribute of an entity (NGSI-LD's word; .NET keeps the Attribute suffix for its own attributes). For a
/// Relationship, <see cref="Value"/> is the target's URN (the wire's <c>object</c>). <see cref="ObservedAt"/> is
/// set on measured values only: the reading's time, so a consumer can tell a fresh figure from an old one.
/// </summary>
public sealed record NgsiLdMember(
    string Name, NgsiLdAttributeKind Kind, JsonNode Value, DateTimeOffset? ObservedAt = null, string? UnitCode = null);
