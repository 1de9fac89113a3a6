using System.Text.Json.Nodes;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// Builds an entity attribute by attribute, in the order they are added (the order they are written). Absent
/// values add nothing: a model's attribute is left out rather than published empty or as zero.
/// </summary>
public sealed class NgsiLdEntityBuilder(string type, string catalogueId)
{
    private readonly List<NgsiLdMember> _attributes = [];

    public NgsiLdEntityBuilder Property(string name, JsonNode? value, DateTimeOffset? observedAt = null, string? unitCode = null)
    {
        if (value is not null) _attributes.Add(new NgsiLdMember(name, NgsiLdAttributeKind.Property, value, observedAt, unitCode));
        return this;
    }

    public NgsiLdEntityBuilder Text(string name, string? value, DateTimeOffset? observedAt = null) =>
        string.IsNullOrEmpty(value) ? this : Property(name, JsonValue.Create(value), observedAt);

    /// <summary>A figure read at <paramref name="observedAt"/>; <paramref name="unitCode"/> is a UN/CEFACT common code.</summary>
    public NgsiLdEntityBuilder Measured(string name, double? value, DateTimeOffset observedAt, string? unitCode = null, int decimals = 2) =>
        value is { } v ? Property(name, JsonValue.Create(Math.Round(v, decimals)), observedAt, unitCode) : this;

    public NgsiLdEntityBuilder Time(string name, DateTimeOffset? at) =>
        at is { } value ? Property(name, JsonValue.Create(NgsiLdTime.Format(value))) : this;

    /// <summary>A GeoJSON point: longitude first, as GeoJSON orders it.</summary>
    public NgsiLdEntityBuilder Location(double lat, double lon)
    {
        var point = new JsonObject { ["type"] = "Point", ["coordinates"] = new JsonArray(lon, lat) };
        _attributes.Add(new NgsiLdMember("location", NgsiLdAttributeKind.GeoProperty, point));
        return this;
    }

    public NgsiLdEntityBuilder Relationship(string name, string targetUrn)
    {
        _attributes.Add(new NgsiLdMember(name, NgsiLdAttributeKind.Relationship, JsonValue.Create(targetUrn)));
        return this;
    }

    public NgsiLdEntity Build() => new(NgsiLdUrn.Of(type, catalogueId), type, [.. _attributes]);
}
