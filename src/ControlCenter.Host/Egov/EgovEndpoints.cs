using System.Security.Claims;
using ControlCenter.Contracts.Grains;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Egov;
using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.Audit;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ControlCenter.Host.Egov;

/// <summary>
/// The e-government service figures (docs/egov.md): imported all or nothing by an administrator or the one-stop
/// system's import key, read by anyone who may read the city.
/// </summary>
public static class EgovEndpoints
{
    public static RouteGroupBuilder MapEgov(this RouteGroupBuilder api)
    {
        var egov = api.MapGroup("/egov").WithTags("E-government");
        egov.MapPost("/figures", Import).WithName("ImportEgovFigures").RequireAuthorization(EgovConfiguration.ImportPolicy)
            .WithSummary("Import department figures (CSV or JSON), all or nothing")
            .WithDescription($"text/csv (UTF-8, the header {ServiceFiguresFields.Header}, then one row per department and month) or application/json "
                + $"(an array of rows with the same fields). At most {ServiceFiguresLimits.MaxRows} rows and {EgovBody.MaxBodyBytes / 1024 / 1024} MiB. "
                + "One bad row refuses the whole import: 400 with errors[{line, field, code, reason}]. See docs/egov.md.")
            .AddOpenApiOperationTransformer(DescribeImportBody)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        egov.MapGet("/figures", Figures).WithName("ListEgovFigures").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("Stored figures, by department and month range").ProducesProblem(StatusCodes.Status400BadRequest);
        egov.MapGet("/summary", (EgovBoard board) => Refreshed(board, () => TypedResults.Ok(SummaryView.Of(board.Summary()))))
            .WithName("GetEgovSummary").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("The latest month: city totals, year to date and each department against its target");
        egov.MapGet("/departments/{id}", Department).WithName("GetEgovDepartment").RequireAuthorization(AccessPolicies.Read)
            .WithSummary("One department's months, oldest first").ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>
    /// The import's body, declared for the contract only: <c>Accepts</c> would also make routing refuse other
    /// content types itself, with a bare 415 and without the import's own problem, metric and audit entry.
    /// </summary>
    private static async Task DescribeImportBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var rows = await context.GetOrCreateSchemaAsync(typeof(IReadOnlyList<EgovImportRow>), cancellationToken: cancellationToken);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                ["application/json"] = new() { Schema = rows },
            },
        };
    }

    private static async Task<Results<Ok<EgovImportedView>, ProblemHttpResult>> Import(HttpContext http, ClaimsPrincipal user, EgovImport import, EgovMetrics metrics, AuditLog audit)
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
            return Problems.Of(problem.Status, problem.Title, problem.Message);
        }

        var outcome = await import.Import(document, by);
        if (!outcome.Ok)
        {
            var first = outcome.Errors[0];
            await Actor.Audit(audit, http, user, "egov-import-refused", "egov",
                $"{outcome.Errors.Count} error(s); first: line {first.Line} {first.Field} {first.Code}");
            return TypedResults.Problem($"{outcome.Errors.Count} error(s) in the figures; nothing was stored. Correct the rows listed and send the whole file again.",
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
        return TypedResults.Ok(new EgovImportedView(rows, stored.Added, stored.Replaced, stored.Version));
    }

    private static async Task<Results<Ok<List<RowView>>, ProblemHttpResult>> Figures(string? department, string? from, string? to, IGrainFactory grains)
    {
        if (department is not null && !EntityId.IsValid(department)) return Problems.Invalid("department is a department id ([a-z0-9-], 1 to 64 characters).");
        if (from is not null && !ServiceFiguresValidator.IsMonth(from)) return Problems.Invalid("from is a month, yyyy-MM.");
        if (to is not null && !ServiceFiguresValidator.IsMonth(to)) return Problems.Invalid("to is a month, yyyy-MM.");
        var book = await grains.GetGrain<IServiceKpiGrain>(IServiceKpiGrain.CityKey).Get();
        var rows = book.Rows
            .Where(r => department is null || r.Department == department)
            .Where(r => from is null || string.CompareOrdinal(r.Month, from) >= 0)
            .Where(r => to is null || string.CompareOrdinal(r.Month, to) <= 0)
            .Select(RowView.Of)
            .ToList();
        return TypedResults.Ok(rows);
    }

    private static Task<Results<Ok<TrendView>, ProblemHttpResult>> Department(string id, EgovBoard board) => Refreshed(board, () => Trend(id, board));

    private static Results<Ok<TrendView>, ProblemHttpResult> Trend(string id, EgovBoard board)
    {
        var months = EntityId.IsValid(id) ? board.Trend(id) : [];
        if (months.Count == 0) return Problems.NotFound($"No figures for department '{Actor.Clip(id)}'.", "Unknown department");
        var latest = months[^1];
        var target = board.TargetFor(id);
        return TypedResults.Ok(new TrendView(id, latest.Name, latest.NameEn, target,
            [.. months.Select(m => new MonthView(m.Month, m.Figures.OnTimePct < target, FiguresView.Of(m.Figures)))]));
    }

    /// <summary>Reads answer from this host's board, brought up to the grain's version first (an import through another host shows at once).</summary>
    private static async Task<T> Refreshed<T>(EgovBoard board, Func<T> answer)
    {
        await board.RefreshNow();
        return answer();
    }
}
