using ControlCenter.Domain.Catalog;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// The open data API, <c>/open/v1/…</c>: anonymous, read-only JSON of what the portal shows. Documented in
/// docs/open-data.md. Each answer names its licence and source and carries an ETag (304 on a match).
/// </summary>
public static class OpenEndpoints
{
    public const string Prefix = "/open/v1";

    /// <summary>The stamp of everything at once (the portal's one request).</summary>
    public const string AllTopics = "all";

    /// <summary>Hourly series: no live stamp, they are cached for minutes.</summary>
    public const string HourlyTopic = "hourly";

    public static IEndpointRouteBuilder MapOpenData(this IEndpointRouteBuilder app)
    {
        var live = OpenResponse.LiveMaxAge;
        app.MapGet($"{Prefix}/summary", Summary).WithName("OpenSummary").AsOpenData(AllTopics);
        app.MapGet($"{Prefix}/air", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { standard = "VN_AQI, QĐ 1459/QĐ-TCMT", stations = views.Air() }, live)).WithName("OpenAir").AsOpenData("air");
        app.MapGet($"{Prefix}/water", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { standard = "QCVN 08:2023/BTNMT", stations = views.Water() }, live)).WithName("OpenWater").AsOpenData("water");
        app.MapGet($"{Prefix}/rain", Rain).WithName("OpenRain").AsOpenData("rain");
        app.MapGet($"{Prefix}/flood", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { points = views.Flood() }, live)).WithName("OpenFlood").AsOpenData("flood");
        app.MapGet($"{Prefix}/parking", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { lots = views.Parking() }, live)).WithName("OpenParking").AsOpenData("parking");
        app.MapGet($"{Prefix}/traffic", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { junctions = views.Traffic() }, live)).WithName("OpenTraffic").AsOpenData("traffic");
        app.MapGet($"{Prefix}/tourism", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, views.TourismNow(), live)).WithName("OpenTourism").AsOpenData(OpenCity.TourismTopic);
        app.MapGet($"{Prefix}/warnings", (HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
            Answer(http, city, o, new { warnings = views.Warnings() }, live)).WithName("OpenWarnings").AsOpenData(OpenCity.WarningsTopic);
        app.MapGet($"{Prefix}/air/{{id}}/history", AirHistory).WithName("OpenAirHistory").AsOpenData(HourlyTopic, TimeSpan.FromMinutes(5));
        app.MapGet($"{Prefix}/water/{{id}}/history", WaterHistory).WithName("OpenWaterHistory").AsOpenData(HourlyTopic, TimeSpan.FromMinutes(5));
        return app;
    }

    private static IResult Summary(HttpContext http, OpenCity city, OpenViews views, RainDayTotals rain, IOptions<OpenDataOptions> o) =>
        Answer(http, city, o, new
        {
            air = views.Air(), water = views.Water(), rain = views.Rain(rain.Totals), flood = views.Flood(), parking = views.Parking(),
            tourism = views.TourismNow(), warnings = views.Warnings(),
        }, OpenResponse.LiveMaxAge);

    private static IResult Rain(HttpContext http, OpenCity city, OpenViews views, RainDayTotals rain, IOptions<OpenDataOptions> o) =>
        Answer(http, city, o, new { gauges = views.Rain(rain.Totals) }, OpenResponse.LiveMaxAge);

    private static async Task<IResult> AirHistory(
        string id, HttpContext http, OpenCity city, CityCatalog catalog, OpenHistory history, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (Station(catalog, id, SensorKinds.Air) is not { } station) return UnknownStation(id, "air");
        var hours = await history.AirDay(station, cancellationToken);
        return Answer(http, city, o, new { stationId = station.Id, standard = "VN_AQI, QĐ 1459/QĐ-TCMT", unit = "µg/m³", hours }, OpenResponse.HistoryMaxAge, needsPicture: false);
    }

    private static async Task<IResult> WaterHistory(
        string id, HttpContext http, OpenCity city, CityCatalog catalog, OpenHistory history, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (Station(catalog, id, SensorKinds.Water) is not { } station) return UnknownStation(id, "water");
        var hours = await history.Day(station.Id, "do", cancellationToken);
        return Answer(http, city, o, new { stationId = station.Id, metric = "do", unit = "mg/L", hours }, OpenResponse.HistoryMaxAge, needsPicture: false);
    }

    public static Sensor? Station(CityCatalog catalog, string id, string kind) =>
        EntityId.IsValid(id) && catalog.FindSensor(id) is { Retired: false } sensor && sensor.Kind == kind ? sensor : null;

    public static IResult UnknownStation(string id, string kind) =>
        Results.Problem($"No {kind} station{(EntityId.IsValid(id) ? $" '{id}'" : "")}. The list is at {Prefix}/{kind}.",
            statusCode: StatusCodes.Status404NotFound, title: "Unknown station");

    private static IResult Answer<T>(HttpContext http, OpenCity city, IOptions<OpenDataOptions> options, T data, TimeSpan maxAge, bool needsPicture = true)
    {
        if (needsPicture && !city.IsReady) return NotReady(http);
        return OpenResponse.Json(http, new { licence = options.Value.Licence, source = options.Value.Source, data }, maxAge);
    }

    /// <summary>Just after start-up, before the first snapshot is in.</summary>
    public static IResult NotReady(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return Results.Problem("The centre is starting; try again in a few seconds.", statusCode: StatusCodes.Status503ServiceUnavailable, title: "Starting");
    }
}
