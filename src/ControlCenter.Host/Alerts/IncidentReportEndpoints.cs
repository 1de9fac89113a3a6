using System.Globalization;
using System.Security.Claims;
using System.Text;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Api;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Wall;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// An alert's incident report for the record: <c>GET /api/v1/alerts/{id}/report</c> (printable HTML) and
/// <c>…/report.csv</c> (the evidence sensors' readings). Read by anyone who may read alerts.
/// </summary>
public static class IncidentReportEndpoints
{
    private const string AroundRule = "hours is how far before the alert was raised and after it was resolved (or now) the readings reach: 1 to 24, 3 by default.";

    public static RouteGroupBuilder MapIncidentReports(this RouteGroupBuilder api)
    {
        var alerts = api.MapGroup("/alerts").WithTags("Alerts").RequireAuthorization(AccessPolicies.Read);
        alerts.MapGet("/{id}/report", Page).WithName("GetIncidentReport")
            .WithSummary("An alert's incident report as a printable HTML page: the alert, its timeline and procedure, its evidence sensors' readings")
            .WithDescription(AroundRule + " The page is in the language of the wall's language cookie (Vietnamese by default).")
            .Produces<string>(StatusCodes.Status200OK, "text/html")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        alerts.MapGet("/{id}/report.csv", Csv).WithName("GetIncidentReadingsCsv")
            .WithSummary("An alert's evidence sensors' readings around it, as CSV (one row per value)")
            .WithDescription(AroundRule + " Columns: alertId, sensorId, sensor, metric, unit, time (Hanoi time, ISO 8601), value.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Page(
        string id, string? hours, ClaimsPrincipal user, IncidentRecords records, CityCatalog catalog, IStringLocalizer<WallText> words, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (Around(hours) is not { } around) return Problems.Invalid(AroundRule, "Bad 'hours'");
        if (await records.Find(id, around, cancellationToken) is not { } incident) return AlertEndpoints.NotFound(id);
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var page = IncidentReport.Page(incident, catalog, words, english, Actor.Name(user), time.GetUtcNow());
        return TypedResults.Text(page, IncidentReport.HtmlContentType, Encoding.UTF8);
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> Csv(string id, string? hours, IncidentRecords records, CancellationToken cancellationToken)
    {
        if (Around(hours) is not { } around) return Problems.Invalid(AroundRule, "Bad 'hours'");
        if (await records.Find(id, around, cancellationToken) is not { } incident) return AlertEndpoints.NotFound(id);
        return TypedResults.File(Encoding.UTF8.GetBytes(IncidentReport.Csv(incident)), IncidentReport.CsvContentType, $"incident-{incident.Alert.Id}.csv");
    }

    private static TimeSpan? Around(string? hours) =>
        hours is null ? IncidentRecords.DefaultAround
        : int.TryParse(hours, NumberStyles.None, CultureInfo.InvariantCulture, out var h) && h >= 1 && h <= IncidentRecords.MaxAround.TotalHours ? TimeSpan.FromHours(h)
        : null;
}
