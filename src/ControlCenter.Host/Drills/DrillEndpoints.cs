using System.Security.Claims;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.People;
using ControlCenter.Scenarios;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Drills;

/// <summary>
/// <c>/api/v1/drills</c>: the scenarios there are, the drill running now (the normal-day simulator reads it to
/// pause), and starting or stopping one (operators; audited).
/// </summary>
public static class DrillEndpoints
{
    public sealed record StartRequest(double? Speed);

    /// <summary>A scenario a drill can play, and the alerts it must raise.</summary>
    public sealed record ScenarioView(string Name, string Title, string TitleEn, string Description, double Minutes, IReadOnlyList<ExpectedAlert> Expect);

    public static RouteGroupBuilder MapDrills(this RouteGroupBuilder api)
    {
        // Policies per endpoint, not on the group: gateways (the normal-day simulator) read the drill with their
        // key, while starting and stopping one is for operators only.
        var drills = api.MapGroup("/drills").WithTags("Drills");
        drills.MapGet("/scenarios", Scenarios).WithName("ListScenarios").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("The incident scenarios a drill can play");
        drills.MapGet("/active", Active).WithName("ActiveDrill").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("The drill running now in the cluster, and the host playing it (204 when none is)");
        drills.MapPost("/{name}/start", Start).WithName("StartDrill").RequireAuthorization(Roles.Operator)
            .WithSummary("Start a drill: the scenario feeds this centre through its own ingest API; one drill at a time in the whole cluster")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        drills.MapPost("/stop", Stop).WithName("StopDrill").RequireAuthorization(Roles.Operator)
            .WithSummary("Stop the drill running now, on whichever host plays it (it ends within about a second)")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Ok<ScenarioView[]> Scenarios() =>
        TypedResults.Ok(Scenario.Names.Select(Scenario.Load)
            .Select(s => new ScenarioView(s.Name, s.Title, s.TitleEn, s.Description, s.Minutes, s.Expect)).ToArray());

    private static async Task<Results<Ok<ActiveDrill>, NoContent>> Active(DrillControl drills) =>
        await drills.Current() is { } active ? TypedResults.Ok(active) : TypedResults.NoContent();

    private static async Task<Results<Accepted<ActiveDrill>, ProblemHttpResult>> Start(
        string name, StartRequest? request, HttpContext http, ClaimsPrincipal user, DrillControl drills, AuditLog audit)
    {
        var speed = request?.Speed ?? 1;
        var (refusal, started) = await drills.Start(name, speed, user.Identity!.Name!);
        if (refusal is not null) return Problems.Of(StatusOf(refusal.Kind), "Drill not started", refusal.Message);

        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "drill-started", name, $"speed {speed}");
        return TypedResults.Accepted("/api/v1/drills/active", started!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Stop(HttpContext http, ClaimsPrincipal user, DrillControl drills, AuditLog audit)
    {
        if (await drills.Stop() is not { } name) return Problems.NotFound("No drill is running.", "No drill");
        await audit.Record(http, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.Role), "drill-stopped", name);
        return TypedResults.NoContent();
    }

    private static int StatusOf(DrillRefusalKind kind) => kind switch
    {
        DrillRefusalKind.DrillsOff => StatusCodes.Status403Forbidden,
        DrillRefusalKind.NoSuchScenario => StatusCodes.Status404NotFound,
        DrillRefusalKind.AnotherIsRunning => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}
