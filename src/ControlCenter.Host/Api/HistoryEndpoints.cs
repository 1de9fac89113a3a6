using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Readings;
using ControlCenter.Storage.Log;
using ControlCenter.Host.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Api;

/// <summary><c>GET /api/v1/history/{sensorId}?metric=&amp;from=&amp;to=&amp;step=</c>: min/avg/max per step.</summary>
public static class HistoryEndpoints
{
    public const int MaxPoints = 5000;

    /// <summary>One metric of one sensor over a range, a point per step that holds readings.</summary>
    public sealed record HistoryView(
        string SensorId, string Metric, string Unit, DateTimeOffset From, DateTimeOffset To, long StepSeconds, IReadOnlyList<HistoryPoint> Points);

    public static RouteGroupBuilder MapHistory(this RouteGroupBuilder api)
    {
        api.MapGroup("/history").WithTags("History").RequireAuthorization(AccessPolicies.Read)
            .MapGet("/{sensorId}", Handle).WithName("GetHistory")
            .WithSummary("Read one metric of a sensor over time: min, avg and max per step")
            .WithDescription($"from and to are ISO 8601 with an offset (default: the last 24 hours); step is seconds (300) or a number with s, m, h or d (5m, 1h), "
                + $"by default the range over 500, at least a minute. A range of more than {MaxPoints} steps is refused.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<HistoryView>, ProblemHttpResult>> Handle(
        string sensorId, string? metric, string? from, string? to, string? step,
        CityCatalog catalog, ReadingHistory history, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!EntityId.IsValid(sensorId) || catalog.FindSensor(sensorId) is not { } sensor)
            return Problems.NotFound($"No sensor '{sensorId}' in the catalogue.", "Unknown sensor");
        if (string.IsNullOrEmpty(metric) || !sensor.Metrics.Contains(metric))
            return Problems.Invalid($"metric must be one of: {string.Join(", ", sensor.Metrics)}.", "Unknown metric");

        var end = time.GetUtcNow();
        if (to is not null && !IsoTimestamp.TryParse(to, out end))
            return Problems.Invalid("Use ISO 8601 with an offset, e.g. 2026-11-26T17:00:00+07:00.", "Bad 'to'");
        var start = end.AddHours(-24);
        if (from is not null && !IsoTimestamp.TryParse(from, out start))
            return Problems.Invalid("Use ISO 8601 with an offset, e.g. 2026-11-26T08:00:00+07:00.", "Bad 'from'");
        if (start >= end)
            return Problems.Invalid("'from' must be before 'to'.", "Empty range");

        var stepSpan = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMinute, (end - start).Ticks / 500));
        if (step is not null && !StepParser.TryParse(step, out stepSpan))
            return Problems.Invalid("Use seconds (300) or a number with s, m, h or d (5m, 1h); at least 1 s.", "Bad 'step'");
        if ((end - start) / stepSpan > MaxPoints)
            return Problems.Invalid($"The range holds more than {MaxPoints} steps; use a larger step.", "Too many points");

        var points = await history.Query(sensor.Id, metric, start, end, stepSpan, cancellationToken);
        return TypedResults.Ok(new HistoryView(sensor.Id, metric, Metrics.For(sensor.Kind)[metric].Unit, start, end, (long)stepSpan.TotalSeconds, points));
    }
}
