namespace ControlCenter.Host.Open.Ngsi;

/// <summary>An entity of one Smart Data Model, before it is written in normalized or key-values form.</summary>
public sealed record NgsiLdEntity(string Id, string Type, IReadOnlyList<NgsiLdMember> Attributes);
