using System.Security.Claims;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;
using ControlCenter.Scenarios;

namespace ControlCenter.Host.Drills;

/// <summary>
/// <c>/api/v1/drills</c>: the scenarios there are, the drill running now (the normal-day simulator reads it to
/// pause), and starting or stopping one (operators; audited).
/// </summary>
public static class DrillEndpoints
{
    public sealed record StartRequest(double? Speed);

    public static IEndpointRouteBuilder MapDrills(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/drills/scenarios", () => Results.Ok(Scenario.Names.Select(Scenario.Load)
            .Select(s => new { s.Name, s.Title, s.TitleEn, s.Description, s.Minutes, expect = s.Expect })))
            .WithName("ListScenarios").RequireAuthorization(AccessPolicies.Read);
        app.MapGet("/api/v1/drills/active", (DrillControl drills) => drills.Active is { } active ? Results.Ok(active) : Results.NoContent())
            .WithName("ActiveDrill").RequireAuthorization(AccessPolicies.Read);
        app.MapPost("/api/v1/drills/{name}/start", Start).WithName("StartDrill").RequireAuthorization(Roles.Operator);
        app.MapPost("/api/v1/drills/stop", async (HttpContext http, ClaimsPrincipal user, DrillControl drills, AuditLog audit) =>
        {
            var name = drills.Active?.Name;
            if (!drills.Stop()) return Results.Problem("No drill is running.", statusCode: StatusCodes.Status404NotFound, title: "No drill");
            await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "drill-stopped", name);
            return Results.NoContent();
        }).WithName("StopDrill").RequireAuthorization(Roles.Operator);
        return app;
    }

    private static async Task<IResult> Start(string name, StartRequest? request, HttpContext http, ClaimsPrincipal user, DrillControl drills, AuditLog audit)
    {
        var problem = drills.Start(name, request?.Speed ?? 1, user.Identity!.Name!);
        if (problem is not null)
        {
            var status = !drills.Enabled ? StatusCodes.Status403Forbidden
                : problem.StartsWith("No scenario", StringComparison.Ordinal) ? StatusCodes.Status404NotFound
                : problem.StartsWith("The drill", StringComparison.Ordinal) ? StatusCodes.Status409Conflict
                : StatusCodes.Status400BadRequest;
            return Results.Problem(problem, statusCode: status, title: "Drill not started");
        }

        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "drill-started", name, $"speed {request?.Speed ?? 1}");
        return Results.Accepted("/api/v1/drills/active", drills.Active);
    }
}
