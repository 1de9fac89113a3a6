using System.Globalization;
using System.Text.Json.Nodes;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// Makes a bigger city for benchmarks: the centre's catalogue repeated as synthetic districts (every id gets a
/// <c>-d{k}</c> suffix, positions shift east). The host loads the result with <c>Catalog__Path</c>.
/// </summary>
public static class CatalogMultiplier
{
    private static readonly string[] Collections = ["zones", "parkingLots", "junctions", "sensors"];
    private static readonly string[] IdFields = ["id", "zoneId", "parentId"];

    public static JsonObject Multiply(JsonObject catalog, int copies)
    {
        var result = new JsonObject
        {
            ["city"] = catalog["city"]?.DeepClone(),
            ["sources"] = new JsonArray(
                [.. (catalog["sources"]?.AsArray() ?? []).Select(s => s?.DeepClone()),
                 JsonValue.Create($"Synthetic: the catalogue repeated {copies} times for benchmarks (ids suffixed -d1…).")]),
        };
        foreach (var collection in Collections)
        {
            var items = new JsonArray();
            foreach (var item in catalog[collection]?.AsArray() ?? [])
            {
                items.Add(item!.DeepClone());
                for (var k = 1; k < copies; k++) items.Add(Copy(item!.AsObject(), k));
            }

            result[collection] = items;
        }

        return result;
    }

    private static JsonObject Copy(JsonObject item, int k)
    {
        var copy = item.DeepClone().AsObject();
        foreach (var field in IdFields)
        {
            if (copy[field]?.GetValue<string>() is { } id) copy[field] = $"{id}-d{k.ToString(CultureInfo.InvariantCulture)}";
        }

        if (copy["lon"] is { } lon) copy["lon"] = lon.GetValue<double>() + 0.2 * k;
        copy["name"] = $"{copy["name"]} (khu tổng hợp {k})";
        copy["nameEn"] = $"{copy["nameEn"]} (synthetic district {k})";
        return copy;
    }
}
