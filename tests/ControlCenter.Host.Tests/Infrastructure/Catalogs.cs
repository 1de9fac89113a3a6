using System.Text.Json.Nodes;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>Variants of the shipped catalogue written into a test's data folder.</summary>
public static class Catalogs
{
    /// <summary>The shipped catalogue with one sensor retired (to see "retired-sensor"); returns the file's path.</summary>
    public static async Task<string> WithRetired(string dataPath, string sensorId)
    {
        var catalog = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")))!;
        catalog["sensors"]!.AsArray().Single(s => (string?)s!["id"] == sensorId)!["retired"] = true;
        var path = Path.Combine(dataPath, "catalog.json");
        await File.WriteAllTextAsync(path, catalog.ToJsonString());
        return path;
    }
}
