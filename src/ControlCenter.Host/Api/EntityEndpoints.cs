using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Aggregates;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Api;

/// <summary>Current state of any entity, and the city KPI tiles.</summary>
public static class EntityEndpoints
{
    public static RouteGroupBuilder MapEntities(this RouteGroupBuilder api)
    {
        api.MapGroup("/entities").WithTags("State").RequireAuthorization(AccessPolicies.Read)
            .MapGet("/{id}", GetEntity).WithName("GetEntity")
            .WithSummary("Read the current state of a sensor, lot, junction, zone or the city")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGroup("/kpi").WithTags("State").RequireAuthorization(AccessPolicies.Read)
            .MapGet("", async (IGrainFactory grains) => TypedResults.Ok(await grains.GetGrain<ICityGrain>(EntityKinds.CityId).GetKpi()))
            .WithName("GetKpi")
            .WithSummary("Read the city's KPI tiles");
        return api;
    }

    private static async Task<Results<Ok<EntityState>, ProblemHttpResult>> GetEntity(string id, CityCatalog catalog, IGrainFactory grains)
    {
        if (!EntityId.IsValid(id)) return Problems.Invalid("Ids are lowercase [a-z0-9-]{1,64}.", "Invalid id");
        if (catalog.EntityKindOf(id) is null) return Problems.NotFound($"No entity '{id}' in the catalogue.", "Unknown entity");
        return TypedResults.Ok(await MemberFetch.Entity(grains, catalog, id).GetState());
    }
}
