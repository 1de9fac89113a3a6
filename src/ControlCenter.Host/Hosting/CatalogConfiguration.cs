using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Hosting;

public static class CatalogConfiguration
{
    /// <summary>The shipped Hanoi catalogue, next to the host's binaries.</summary>
    public const string DefaultPath = "Catalog/hanoi.json";

    /// <summary>Loads the catalogue named by <c>Catalog:Path</c> (or the shipped one); a bad file stops start-up.</summary>
    public static CityCatalog LoadCatalog(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Catalog:Path"];
        var path = string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, DefaultPath)
            : Path.GetFullPath(configured);
        if (!File.Exists(path))
            throw new InvalidOperationException($"Catalogue file '{path}' not found. Set Catalog:Path to a catalogue JSON file.");
        return CatalogLoader.LoadFile(path);
    }
}
