using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Api;

/// <summary><c>GET /api/v1/catalog</c>: every zone, lot, junction and sensor of the city.</summary>
public static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder api)
    {
        api.MapGroup("/catalog").WithTags("Catalog").RequireAuthorization(AccessPolicies.Read)
            .MapGet("", (CityCatalog catalog) => TypedResults.Ok(catalog.ToDocument())).WithName("GetCatalog")
            .WithSummary("Read the city's catalogue: zones, parking lots, junctions, sensors and walking streets");
        return api;
    }
}
