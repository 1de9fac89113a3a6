using System.Text.Json;
using System.Text.Json.Serialization;

namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// The packs as JSON (camelCase), as <c>GET /api/v1/thresholds</c> shows them and <c>PUT</c> takes them. A
/// document must name every pack and nothing unknown, so that a partial document never resets the rest.
/// </summary>
public static class ThresholdJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
    };

    public static readonly IReadOnlyList<string> PackNames =
        ["vnAqi", "usAqi", "water", "rain", "flood", "traffic", "parking", "health", "alerting", "tourism", "egov"];

    public static string Write(ThresholdPacks packs) => JsonSerializer.Serialize(packs, Options);

    /// <summary>Parses the packs of a document; the errors say what is missing, unknown or out of order.</summary>
    public static (ThresholdPacks? Packs, IReadOnlyList<string> Errors) Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object) return (null, ["the body must be a JSON object of threshold packs"]);
        var missing = PackNames.Where(name => !document.TryGetProperty(name, out var pack) || pack.ValueKind != JsonValueKind.Object).ToList();
        if (missing.Count > 0) return (null, [$"every pack must be given in full; missing: {string.Join(", ", missing)}"]);
        try
        {
            var packs = document.Deserialize<ThresholdPacks>(Options);
            if (packs is null) return (null, ["the body must be a JSON object of threshold packs"]);
            var errors = ThresholdValidator.Validate(packs);
            return errors.Count == 0 ? (packs, []) : (null, errors);
        }
        catch (JsonException ex)
        {
            return (null, [$"{ex.Path}: {ex.Message.Split(" Path:")[0]}"]);
        }
        catch (Exception ex) when (ex is NullReferenceException or ArgumentException or InvalidOperationException)
        {
            return (null, ["a pack holds a null or malformed entry"]);
        }
    }

    public static ThresholdPacks Parse(string json) =>
        JsonSerializer.Deserialize<ThresholdPacks>(json, Options) ?? throw new JsonException("Empty threshold document.");
}
