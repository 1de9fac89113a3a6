extern alias JsonEverything;

using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using JsonEverything::Json.Schema;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The FIWARE Smart Data Models schemas from shared/data/fiware, built offline in a registry of their own. The
/// schemas <c>$ref</c> documents by https URL: the common schema is in shared data and registered under its
/// <c>$id</c>; the Environment, weather and alert schemas are not, so permissive stand-ins with the referenced
/// definitions as <c>{}</c> take their place, and what they define (airQualityLevel, Weather-Commons,
/// TimeSeriesAggregation, the alert parts) is not checked. Anything else would be fetched: that is recorded in
/// <see cref="Fetched"/> and fails the build of the schema instead.
/// </summary>
public sealed class FiwareSchemas
{
    /// <summary>Referenced documents absent from shared data, with the definitions the schemas point into.</summary>
    private static readonly (string Uri, string[] Definitions)[] StandIns =
    [
        ("https://raw.githubusercontent.com/smart-data-models/dataModel.Environment/master/Environment-schema.json", ["airQualityLevel"]),
        ("https://smart-data-models.github.io/dataModel.Environment/Environment-schema.json", ["TimeSeriesAggregation", "airQualityLevel"]),
        ("https://smart-data-models.github.io/dataModel.Weather/weather-schema.json", ["Weather-Commons", "WeatherAlertCategories"]),
        ("https://smart-data-models.github.io/dataModel.Alert/alert-schema.json", ["Common-Alert"]),
    ];

    /// <summary>
    /// FloodMonitoring has no schema in shared data (and the published one only says "object"): this one is ours,
    /// written from the model's documented attribute types, on top of the common definitions.
    /// </summary>
    private const string FloodMonitoringSchema = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "$id": "urn:controlcenter:tests:FloodMonitoring",
          "type": "object",
          "allOf": [
            { "$ref": "https://smart-data-models.github.io/data-models/common-schema.json#/definitions/GSMA-Commons" },
            { "$ref": "https://smart-data-models.github.io/data-models/common-schema.json#/definitions/Location-Commons" },
            { "properties": {
                "type": { "type": "string", "enum": ["FloodMonitoring"] },
                "currentLevel": { "type": "number" },
                "alertLevel": { "type": "number" },
                "dangerLevel": { "type": "number" },
                "floodLevelStatus": { "type": "string", "enum": ["Normal", "Warning", "Alert", "Danger"] },
                "observationDateTime": { "type": "string", "format": "date-time" }
            } }
          ],
          "required": ["id", "type", "location", "currentLevel", "observationDateTime"]
        }
        """;

    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private readonly BuildOptions _build;
    private readonly ConcurrentDictionary<string, JsonSchema> _byType = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Uri> _fetched = new();

    public FiwareSchemas()
    {
        var registry = new SchemaRegistry
        {
            Fetch = (uri, _) =>
            {
                _fetched.Enqueue(uri);
                return null;
            },
        };
        _build = new BuildOptions { SchemaRegistry = registry };
        JsonSchema.FromFile(Path.Combine(Root, "common-schema.json"), _build);
        foreach (var (uri, definitions) in StandIns)
        {
            var standIn = new JsonObject
            {
                // The dialect the FIWARE schemas declare: the library's default refuses "definitions".
                ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
                ["$id"] = uri,
                ["definitions"] = new JsonObject(definitions.Select(d => KeyValuePair.Create(d, (JsonNode?)new JsonObject()))),
            };
            JsonSchema.FromText(standIn.ToJsonString(), _build);
        }
    }

    public static string Root => Path.Combine(SharedData.Directory, "fiware");

    /// <summary>URIs a schema asked to fetch (there is no network here, and there must be no need for one).</summary>
    public IReadOnlyCollection<Uri> Fetched => _fetched;

    /// <summary>The type's schema from shared data, or ours for FloodMonitoring.</summary>
    public JsonSchema For(string type) => _byType.GetOrAdd(type, t => t == "FloodMonitoring"
        ? JsonSchema.FromText(FloodMonitoringSchema, _build)
        : JsonSchema.FromFile(Path.Combine(Root, t, "schema.json"), _build));

    /// <returns>Why <paramref name="entity"/> fails its type's schema; empty when it passes.</returns>
    public IReadOnlyList<string> Problems(string type, JsonNode entity)
    {
        var results = For(type).Evaluate(JsonSerializer.SerializeToElement(entity), Evaluation);
        if (results.IsValid) return [];
        return [.. (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}) {e.Key}: {e.Value}"))];
    }
}
