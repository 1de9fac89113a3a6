using System.Text.Json;

namespace ControlCenter.Domain.Catalog;

/// <summary>Reads a catalogue data file and refuses one that breaks the catalogue's rules.</summary>
public static class CatalogLoader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static CityCatalog LoadFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream, path);
    }

    public static CityCatalog Load(Stream json, string sourceName)
    {
        var document = JsonSerializer.Deserialize<CatalogDocument>(json, Options)
            ?? throw new InvalidDataException($"Catalogue '{sourceName}' is empty.");
        var problems = CatalogValidator.Validate(document);
        if (problems.Count > 0)
        {
            throw new InvalidDataException(
                $"Catalogue '{sourceName}' has {problems.Count} problem(s):{Environment.NewLine}  "
                + string.Join(Environment.NewLine + "  ", problems));
        }

        return new CityCatalog(document.City, document.Zones, document.ParkingLots, document.Junctions, document.Sensors,
            document.WalkingStreets ?? []);
    }
}
