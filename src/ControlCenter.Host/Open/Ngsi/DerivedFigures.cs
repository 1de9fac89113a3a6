using System.Text.Json;

namespace ControlCenter.Host.Open.Ngsi;

/// <summary>
/// Reads an entity's derived figures, which arrive as whatever number type computed them (or as JSON elements
/// after a trip through a serializer).
/// </summary>
public static class DerivedFigures
{
    public static double? Number(IReadOnlyDictionary<string, object?>? derived, string key) => derived?.GetValueOrDefault(key) switch
    {
        double d => d,
        int i => i,
        long l => l,
        float f => f,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        _ => null,
    };

    public static int? Whole(IReadOnlyDictionary<string, object?>? derived, string key) =>
        Number(derived, key) is { } n ? (int)Math.Round(n) : null;

    public static string? Text(IReadOnlyDictionary<string, object?>? derived, string key) => derived?.GetValueOrDefault(key) switch
    {
        string s => s,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        _ => null,
    };

    public static bool? Flag(IReadOnlyDictionary<string, object?>? derived, string key) => derived?.GetValueOrDefault(key) switch
    {
        bool b => b,
        JsonElement { ValueKind: JsonValueKind.True } => true,
        JsonElement { ValueKind: JsonValueKind.False } => false,
        _ => null,
    };

    public static double? Value(IReadOnlyDictionary<string, double>? values, string metric) =>
        values is not null && values.TryGetValue(metric, out var v) ? v : null;
}
