using System.Globalization;
using System.Text.Json.Nodes;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// Makes a bigger city for benchmarks: the centre's catalogue repeated as synthetic districts (every id gets a
/// <c>-d{k}</c> suffix, positions shift east). Everything an item names moves with it (its zone, lot or junction,
/// a walking street's edge junctions), so the copy validates. The host loads the result with <c>Catalog__Path</c>.
/// </summary>
public static class CatalogMultiplier
{
    private const double ShiftEastDegrees = 0.2;
    private static readonly string[] Collections = ["zones", "parkingLots", "junctions", "sensors", "walkingStreets"];
    private static readonly string[] IdFields = ["id", "zoneId", "parentId"];
    private static readonly string[] IdListFields = ["edgeJunctionIds"];

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
            if (copy[field]?.GetValue<string>() is { } id) copy[field] = Suffixed(id, k);
        }

        foreach (var field in IdListFields)
        {
            if (copy[field] is JsonArray ids) copy[field] = new JsonArray([.. ids.Select(id => JsonValue.Create(Suffixed(id!.GetValue<string>(), k)))]);
        }

        if (copy["lon"] is { } lon) copy["lon"] = lon.GetValue<double>() + ShiftEastDegrees * k;
        // A walking street's path is [lat, lon] points.
        if (copy["path"] is JsonArray path)
            copy["path"] = new JsonArray([.. path.Select(p => new JsonArray(p![0]!.GetValue<double>(), p[1]!.GetValue<double>() + ShiftEastDegrees * k))]);
        copy["name"] = $"{copy["name"]} (khu tổng hợp {k})";
        copy["nameEn"] = $"{copy["nameEn"]} (synthetic district {k})";
        return copy;
    }

    private static string Suffixed(string id, int k) => $"{id}-d{k.ToString(CultureInfo.InvariantCulture)}";
}
