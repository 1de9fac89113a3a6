using System.Text.Json;
using System.Text.Json.Nodes;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>Writes entities in the NGSI-LD wire forms.</summary>
public static class NgsiLdJson
{
    public const string CoreContext = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld";

    /// <param name="context">The model's context for a JSON-LD body (with the core context); null for plain JSON.</param>
    public static JsonObject Render(NgsiLdEntity entity, NgsiLdFormat format, string? context)
    {
        var json = new JsonObject { ["id"] = entity.Id, ["type"] = entity.Type };
        foreach (var attribute in entity.Attributes)
            json[attribute.Name] = format == NgsiLdFormat.KeyValues ? attribute.Value.DeepClone() : Normalized(attribute);
        if (context is not null) json["@context"] = new JsonArray(CoreContext, context);
        return json;
    }

    public static byte[] Bytes(JsonNode body) => JsonSerializer.SerializeToUtf8Bytes(body, OpenResponse.SerializerOptions);

    private static JsonObject Normalized(NgsiLdMember attribute)
    {
        var json = new JsonObject { ["type"] = attribute.Kind.ToString() };
        json[attribute.Kind == NgsiLdAttributeKind.Relationship ? "object" : "value"] = attribute.Value.DeepClone();
        if (attribute.ObservedAt is { } at) json["observedAt"] = NgsiLdTime.Format(at);
        if (attribute.UnitCode is { } unit) json["unitCode"] = unit;
        return json;
    }
}
