using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Api;

/// <summary>Current state of any entity, and the city KPI tiles.</summary>
public static class EntityEndpoints
{
    public static IEndpointRouteBuilder MapEntities(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/entities/{id}", async (string id, CityCatalog catalog, IGrainFactory grains) =>
        {
            if (!EntityId.IsValid(id))
                return Results.Problem("Ids are lowercase [a-z0-9-]{1,64}.", statusCode: StatusCodes.Status400BadRequest, title: "Invalid id");
            if (catalog.EntityKindOf(id) is null)
                return Results.Problem($"No entity '{id}' in the catalogue.", statusCode: StatusCodes.Status404NotFound, title: "Unknown entity");
            return Results.Ok(await MemberFetch.Entity(grains, catalog, id).GetState());
        }).WithName("GetEntity").RequireAuthorization(AccessPolicies.Read);

        app.MapGet("/api/v1/kpi", async (IGrainFactory grains) =>
            Results.Ok(await grains.GetGrain<ICityGrain>(EntityKinds.CityId).GetKpi()))
            .WithName("GetKpi").RequireAuthorization(AccessPolicies.Read);
        return app;
    }
}
