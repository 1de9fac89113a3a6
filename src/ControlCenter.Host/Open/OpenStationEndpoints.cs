using System.Globalization;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Storage.Log;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// Stations' hourly history as daily CSV files (docs/open-data-cap-csv.md): <c>/open/v1/stations</c> lists the
/// air, water, rain and flood stations and their columns; <c>/open/v1/stations/{id}/{yyyy-MM-dd}.csv</c> is one
/// station's local day, for today and every past day the readings log still holds.
/// </summary>
public static class OpenStationEndpoints
{
    /// <summary>A past day changes only by late readings; today fills hour by hour.</summary>
    public static readonly TimeSpan PastDayMaxAge = TimeSpan.FromDays(1);

    public static IEndpointRouteBuilder MapOpenStations(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{OpenEndpoints.Prefix}/stations", List).WithName("OpenStations").AsOpenData(OpenEndpoints.HourlyTopic, TimeSpan.FromMinutes(5));
        app.MapGet($"{OpenEndpoints.Prefix}/stations/{{id}}/{{date}}.csv", Day).WithName("OpenStationDay")
            .AsOpenData(OpenEndpoints.HourlyTopic, TimeSpan.FromMinutes(5));
        return app;
    }

    private static IResult List(HttpContext http, CityCatalog catalog, TimeProvider time, IOptions<HistoryOptions> retention, IOptions<OpenDataOptions> o)
    {
        var (first, last) = Days(time, retention);
        var stations = catalog.Sensors.Where(StationColumns.IsDownloadable).Select(s => new
        {
            s.Id, s.Name, s.NameEn, s.Kind, s.ZoneId, s.Lat, s.Lon,
            columns = StationColumns.Of(s).Select(c => new { name = c.Name, unit = c.Unit, description = c.What, descriptionEn = c.WhatEn }),
            csv = $"{OpenEndpoints.Prefix}/stations/{s.Id}/{{date}}.csv",
        });
        return OpenResponse.Json(http, new
        {
            licence = o.Value.Licence, source = o.Value.Source,
            data = new { firstDate = Date(first), lastDate = Date(last), timeZone = "Asia/Ho_Chi_Minh", stations },
        }, OpenResponse.HistoryMaxAge);
    }

    private static async Task<IResult> Day(
        string id, string date, HttpContext http, CityCatalog catalog, ReadingHistory history, ThresholdSource thresholds,
        TimeProvider time, IOptions<HistoryOptions> retention, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problem(StatusCodes.Status400BadRequest, "Bad date", "The date is a calendar day written yyyy-MM-dd (Hanoi time), e.g. 2026-11-26.");
        if (!EntityId.IsValid(id) || catalog.FindSensor(id) is not { } station || !StationColumns.IsDownloadable(station))
        {
            var named = EntityId.IsValid(id) ? $" '{id}'" : "";
            return Problem(StatusCodes.Status404NotFound, "Unknown station",
                $"No air, water, rain or flood station{named}. The list is at {OpenEndpoints.Prefix}/stations.");
        }

        // Compared as dates first: a day such as 0001-01-01 or 9999-12-31 never becomes a time (it would overflow).
        var (first, today) = Days(time, retention);
        if (day > today) return Problem(StatusCodes.Status404NotFound, "Not yet", $"{Date(day)} is in the future; today in Hanoi is {Date(today)}.");
        if (day < first)
            return Problem(StatusCodes.Status404NotFound, "No longer kept", $"Readings are kept {retention.Value.RetentionDays} days: the first day is {Date(first)}.");

        var hours = await StationDay.Read(station, day, history, thresholds, cancellationToken);
        http.Response.Headers.ContentDisposition = $"inline; filename=\"{station.Id}-{Date(day)}.csv\"";
        return OpenResponse.Bytes(http, StationCsv.Write(station, day, hours, o.Value), StationCsv.ContentType,
            day < today ? PastDayMaxAge : OpenResponse.HistoryMaxAge);
    }

    /// <summary>The first local day the log still holds readings of (partly), and today.</summary>
    private static (DateOnly First, DateOnly Today) Days(TimeProvider time, IOptions<HistoryOptions> retention)
    {
        var now = time.GetUtcNow();
        return (CityTime.Date(now - retention.Value.Retention), CityTime.Date(now));
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static IResult Problem(int status, string title, string detail) => Results.Problem(detail, statusCode: status, title: title);
}
