using ControlCenter.Host.Api;
using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Egov;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Egov;

/// <summary>
/// The e-government service figures (docs/egov.md): imported all or nothing by an administrator or the one-stop
/// system's import key, read by anyone who may read the city.
/// </summary>
public static class EgovEndpoints
{
    public static IEndpointRouteBuilder MapEgov(this IEndpointRouteBuilder app)
    {
        var egov = app.MapGroup("/api/v1/egov").WithTags("egov");
        egov.MapPost("/figures", Import).WithName("ImportEgovFigures").RequireAuthorization(EgovConfiguration.ImportPolicy)
            .WithSummary("Import department figures (CSV or JSON), all or nothing");
        egov.MapGet("/figures", Figures).WithName("ListEgovFigures").RequireAuthorization(AccessPolicies.Read);
        egov.MapGet("/summary", (EgovBoard board) => Refreshed(board, () => Results.Ok(SummaryView.Of(board.Summary()))))
            .WithName("GetEgovSummary").RequireAuthorization(AccessPolicies.Read);
        egov.MapGet("/departments/{id}", Department).WithName("GetEgovDepartment").RequireAuthorization(AccessPolicies.Read);
        return app;
    }

    private static async Task<IResult> Import(HttpContext http, ClaimsPrincipal user, EgovImport import, EgovMetrics metrics, AuditLog audit)
    {
        var by = Actor.Name(user);
        FiguresDocument document;
        try
        {
            document = await EgovBody.Read(http.Request, http.RequestAborted);
            if (document.TooManyRows) throw EgovBody.TooLarge();
        }
        catch (EgovBodyException problem)
        {
            metrics.Refused(problem.Status, []);
            await Actor.Audit(audit, http, user, "egov-import-refused", "egov", $"{problem.Status}: {problem.Title}");
            return Results.Problem(problem.Message, statusCode: problem.Status, title: problem.Title);
        }

        var outcome = await import.Import(document, by);
        if (!outcome.Ok)
        {
            var first = outcome.Errors[0];
            await Actor.Audit(audit, http, user, "egov-import-refused", "egov",
                $"{outcome.Errors.Count} error(s); first: line {first.Line} {first.Field} {first.Code}");
            return Results.Problem($"{outcome.Errors.Count} error(s) in the figures; nothing was stored. Correct the rows listed and send the whole file again.",
                statusCode: StatusCodes.Status400BadRequest, title: "Invalid e-government figures",
                extensions: new Dictionary<string, object?>
                {
                    ["errorCount"] = outcome.Errors.Count,
                    ["errors"] = outcome.Errors.Take(ServiceFiguresLimits.MaxListedErrors).Select(e => new RowErrorView(e.Line, e.Field, e.Code, e.Reason)).ToList(),
                });
        }

        var stored = outcome.Stored!;
        var rows = document.Rows.Count;
        await Actor.Audit(audit, http, user, "egov-figures-imported", "egov", $"{rows} row(s): {stored.Added} added, {stored.Replaced} replaced; version {stored.Version}");
        return Results.Ok(new { imported = rows, added = stored.Added, replaced = stored.Replaced, version = stored.Version });
    }

    private static async Task<IResult> Figures(string? department, string? from, string? to, IGrainFactory grains)
    {
        if (department is not null && !EntityId.IsValid(department)) return Problems.Invalid("department is a department id ([a-z0-9-], 1 to 64 characters).");
        if (from is not null && !ServiceFiguresValidator.IsMonth(from)) return Problems.Invalid("from is a month, yyyy-MM.");
        if (to is not null && !ServiceFiguresValidator.IsMonth(to)) return Problems.Invalid("to is a month, yyyy-MM.");
        var book = await grains.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey).Get();
        var rows = book.Rows
            .Where(r => department is null || r.Department == department)
            .Where(r => from is null || string.CompareOrdinal(r.Month, from) >= 0)
            .Where(r => to is null || string.CompareOrdinal(r.Month, to) <= 0)
            .Select(RowView.Of);
        return Results.Ok(rows);
    }

    private static Task<IResult> Department(string id, EgovBoard board) => Refreshed(board, () =>
    {
        var months = EntityId.IsValid(id) ? board.Trend(id) : [];
        if (months.Count == 0)
            return Results.Problem($"No figures for department '{Actor.Clip(id)}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown department");
        var latest = months[^1];
        var target = board.TargetFor(id);
        return Results.Ok(new TrendView(id, latest.Name, latest.NameEn, target,
            [.. months.Select(m => new MonthView(m.Month, m.Figures.OnTimePct < target, FiguresView.Of(m.Figures)))]));
    });

    /// <summary>Reads answer from this host's board, brought up to the grain's version first (an import through another host shows at once).</summary>
    private static async Task<IResult> Refreshed(EgovBoard board, Func<IResult> answer)
    {
        await board.RefreshNow();
        return answer();
    }
}
