using System.Globalization;
using ControlCenter.Domain;
using ControlCenter.Domain.Catalog;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Api;
using ControlCenter.Storage.Log;
using Microsoft.AspNetCore.Http.HttpResults;
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

    /// <param name="Csv">The address of one day's file: replace <c>{date}</c> with a day between firstDate and lastDate.</param>
    public sealed record StationView(
        string Id, string Name, string NameEn, string Kind, string ZoneId, double Lat, double Lon, IReadOnlyList<ColumnView> Columns, string Csv);

    public sealed record ColumnView(string Name, string Unit, string Description, string DescriptionEn);

    /// <param name="FirstDate">The first day the readings log still holds (yyyy-MM-dd, Hanoi time); lastDate is today.</param>
    public sealed record StationsView(string FirstDate, string LastDate, string TimeZone, IReadOnlyList<StationView> Stations);

    public static RouteGroupBuilder MapOpenStations(this RouteGroupBuilder open)
    {
        open.MapGet("/stations", List).WithName("OpenStations").AsOpenData(OpenEndpoints.HourlyTopic, TimeSpan.FromMinutes(5))
            .WithSummary("The air, water, rain and flood stations whose days can be downloaded as CSV, and their columns");
        open.MapGet("/stations/{id}/{date}.csv", Day).WithName("OpenStationDay").AsOpenData(OpenEndpoints.HourlyTopic, TimeSpan.FromMinutes(5))
            .WithSummary("One station's hourly readings for one local day, as CSV")
            .WithDescription(OpenSurface.Description + " The date is yyyy-MM-dd in Hanoi time, from the list's firstDate to today (lastDate); "
                + "a past day is cached for a day, today for five minutes.")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return open;
    }

    private static OpenAnswer<OpenEndpoints.OpenData<StationsView>> List(
        HttpContext http, CityCatalog catalog, TimeProvider time, IOptions<HistoryOptions> retention, IOptions<OpenDataOptions> o)
    {
        var (first, last) = Days(time, retention);
        var stations = catalog.Sensors.Where(StationColumns.IsDownloadable).Select(s => new StationView(
            s.Id, s.Name, s.NameEn, s.Kind, s.ZoneId, s.Lat, s.Lon,
            [.. StationColumns.Of(s).Select(c => new ColumnView(c.Name, c.Unit, c.What, c.WhatEn))],
            $"{OpenEndpoints.Prefix}/stations/{s.Id}/{{date}}.csv"));
        var data = new StationsView(Date(first), Date(last), "Asia/Ho_Chi_Minh", [.. stations]);
        return OpenResponse.Json(http, OpenEndpoints.Envelope(o, data), OpenResponse.HistoryMaxAge);
    }

    private static async Task<Results<OpenAnswer, ProblemHttpResult>> Day(
        string id, string date, HttpContext http, CityCatalog catalog, ReadingHistory history, ThresholdSource thresholds,
        TimeProvider time, IOptions<HistoryOptions> retention, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (!DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problems.Invalid("The date is a calendar day written yyyy-MM-dd (Hanoi time), e.g. 2026-11-26.", "Bad date");
        if (!EntityId.IsValid(id) || catalog.FindSensor(id) is not { } station || !StationColumns.IsDownloadable(station))
        {
            var named = EntityId.IsValid(id) ? $" '{id}'" : "";
            return Problems.NotFound($"No air, water, rain or flood station{named}. The list is at {OpenEndpoints.Prefix}/stations.", "Unknown station");
        }

        // Compared as dates first: a day such as 0001-01-01 or 9999-12-31 never becomes a time (it would overflow).
        var (first, today) = Days(time, retention);
        if (day > today) return Problems.NotFound($"{Date(day)} is in the future; today in Hanoi is {Date(today)}.", "Not yet");
        if (day < first)
            return Problems.NotFound($"Readings are kept {retention.Value.RetentionDays} days: the first day is {Date(first)}.", "No longer kept");

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
}
