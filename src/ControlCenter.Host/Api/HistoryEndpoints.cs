using System.Globalization;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Readings;
using ControlCenter.Storage.Log;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Api;

/// <summary><c>GET /api/v1/history/{sensorId}?metric=&amp;from=&amp;to=&amp;step=</c>: min/avg/max per step.</summary>
public static class HistoryEndpoints
{
    public const int MaxPoints = 5000;

    public static IEndpointRouteBuilder MapHistory(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/history/{sensorId}", Handle).WithName("GetHistory").RequireAuthorization(AccessPolicies.Read);
        return app;
    }

    private static async Task<IResult> Handle(
        string sensorId, string? metric, string? from, string? to, string? step,
        CityCatalog catalog, ReadingHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!EntityId.IsValid(sensorId) || catalog.FindSensor(sensorId) is not { } sensor)
            return Problem(StatusCodes.Status404NotFound, "Unknown sensor", $"No sensor '{sensorId}' in the catalogue.");
        if (string.IsNullOrEmpty(metric) || !sensor.Metrics.Contains(metric))
            return Problem(StatusCodes.Status400BadRequest, "Unknown metric",
                $"metric must be one of: {string.Join(", ", sensor.Metrics)}.");

        var end = time.GetUtcNow();
        if (to is not null && !IsoTimestamp.TryParse(to, out end))
            return Problem(StatusCodes.Status400BadRequest, "Bad 'to'", "Use ISO 8601 with an offset, e.g. 2026-11-26T17:00:00+07:00.");
        var start = end.AddHours(-24);
        if (from is not null && !IsoTimestamp.TryParse(from, out start))
            return Problem(StatusCodes.Status400BadRequest, "Bad 'from'", "Use ISO 8601 with an offset, e.g. 2026-11-26T08:00:00+07:00.");
        if (start >= end)
            return Problem(StatusCodes.Status400BadRequest, "Empty range", "'from' must be before 'to'.");

        var stepSpan = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, (end - start).Ticks / 500));
        if (step is not null && !StepParser.TryParse(step, out stepSpan))
            return Problem(StatusCodes.Status400BadRequest, "Bad 'step'", "Use seconds (300) or a number with s, m, h or d (5m, 1h); at least 1 s.");
        if ((end - start) / stepSpan > MaxPoints)
            return Problem(StatusCodes.Status400BadRequest, "Too many points", $"The range holds more than {MaxPoints} steps; use a larger step.");

        var points = await history.Query(sensor.Id, metric, start, end, stepSpan, cancellationToken);
        return Results.Ok(new
        {
            sensorId = sensor.Id,
            metric,
            unit = Metrics.For(sensor.Kind)[metric].Unit,
            from = start,
            to = end,
            stepSeconds = (long)stepSpan.TotalSeconds,
            points,
        });
    }


    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
