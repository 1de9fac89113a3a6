using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Api;

/// <summary><c>GET /api/v1/catalog</c>: every zone, lot, junction and sensor of the city.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/catalog", (CityCatalog catalog) => Results.Ok(catalog.ToDocument()))
            .WithName("GetCatalog").RequireAuthorization(AccessPolicies.Read);
        return app;
    }
}
