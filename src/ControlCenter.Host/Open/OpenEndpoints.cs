using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// The open data API, <c>/open/v1/…</c>: anonymous, read-only JSON of what the portal shows. Documented in
/// docs/open-data.md. Each answer names its licence and source and carries an ETag (304 on a match).
/// </summary>
public static partial class OpenEndpoints
{
    public const string Prefix = "/open/v1";

    /// <summary>The stamp of everything at once (the portal's one request).</summary>
    public const string AllTopics = "all";

    /// <summary>Hourly series: no live stamp, they are cached for minutes.</summary>
    public const string HourlyTopic = "hourly";

    private const string AirStandard = "VN_AQI, QĐ 1459/QĐ-TCMT";

    public static RouteGroupBuilder MapOpenData(this RouteGroupBuilder open)
    {
        open.MapGet("/summary", Summary).WithName("OpenSummary").AsLiveData(AllTopics)
            .WithSummary("Every domain at once: air, water, rain, flood, parking, tourism and the warnings in force");
        open.MapGet("/air", Air).WithName("OpenAir").AsLiveData("air").WithSummary("Air quality stations with their VN_AQI and advice");
        open.MapGet("/water", Water).WithName("OpenWater").AsLiveData("water").WithSummary("Lake and river stations with their QCVN 08 class");
        open.MapGet("/rain", Rain).WithName("OpenRain").AsLiveData("rain").WithSummary("Rain gauges: the last hour, 3 hours and 24 hours");
        open.MapGet("/flood", Flood).WithName("OpenFlood").AsLiveData("flood").WithSummary("Street flood points: depth, level and whether closed to traffic");
        open.MapGet("/parking", Parking).WithName("OpenParking").AsLiveData("parking").WithSummary("Parking lots: free spaces and whether open");
        open.MapGet("/traffic", Traffic).WithName("OpenTraffic").AsLiveData("traffic").WithSummary("Junctions' level of service");
        open.MapGet("/tourism", Tourism).WithName("OpenTourism").AsLiveData(OpenCity.TourismTopic)
            .WithSummary("Crowding at tourist points and the walking streets' hours");
        open.MapGet("/warnings", Warnings).WithName("OpenWarnings").AsLiveData(OpenCity.WarningsTopic).WithSummary("Public warnings in force");
        open.MapGet("/air/{id}/history", AirHistory).WithName("OpenAirHistory").AsOpenData(HourlyTopic, TimeSpan.FromMinutes(5))
            .WithSummary("An air station's last 24 hours of VN_AQI").ProducesProblem(StatusCodes.Status404NotFound);
        open.MapGet("/water/{id}/history", WaterHistory).WithName("OpenWaterHistory").AsOpenData(HourlyTopic, TimeSpan.FromMinutes(5))
            .WithSummary("A water station's last 24 hours of dissolved oxygen").ProducesProblem(StatusCodes.Status404NotFound);
        return open;
    }

    private static Results<OpenAnswer<OpenData<SummaryView>>, ProblemHttpResult> Summary(
        HttpContext http, OpenCity city, OpenViews views, RainDayTotals rain, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new SummaryView(
            views.Air(), views.Water(), views.Rain(rain.Totals), views.Flood(), views.Parking(), views.TourismNow(), views.Warnings()));

    private static Results<OpenAnswer<OpenData<AirView>>, ProblemHttpResult> Air(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new AirView(AirStandard, views.Air()));

    private static Results<OpenAnswer<OpenData<WaterView>>, ProblemHttpResult> Water(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new WaterView("QCVN 08:2023/BTNMT", views.Water()));

    private static Results<OpenAnswer<OpenData<RainView>>, ProblemHttpResult> Rain(
        HttpContext http, OpenCity city, OpenViews views, RainDayTotals rain, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new RainView(views.Rain(rain.Totals)));

    private static Results<OpenAnswer<OpenData<FloodView>>, ProblemHttpResult> Flood(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new FloodView(views.Flood()));

    private static Results<OpenAnswer<OpenData<ParkingView>>, ProblemHttpResult> Parking(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new ParkingView(views.Parking()));

    private static Results<OpenAnswer<OpenData<TrafficView>>, ProblemHttpResult> Traffic(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new TrafficView(views.Traffic()));

    private static Results<OpenAnswer<OpenData<OpenViews.Tourism>>, ProblemHttpResult> Tourism(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, views.TourismNow());

    private static Results<OpenAnswer<OpenData<WarningsView>>, ProblemHttpResult> Warnings(HttpContext http, OpenCity city, OpenViews views, IOptions<OpenDataOptions> o) =>
        Live(http, city, o, new WarningsView(views.Warnings()));

    private static async Task<Results<OpenAnswer<OpenData<AirHistoryView>>, ProblemHttpResult>> AirHistory(
        string id, HttpContext http, CityCatalog catalog, OpenHistory history, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (Station(catalog, id, SensorKinds.Air) is not { } station) return UnknownStation(id, "air");
        var hours = await history.AirDay(station, cancellationToken);
        return OpenResponse.Json(http, Envelope(o, new AirHistoryView(station.Id, AirStandard, "µg/m³", hours)), OpenResponse.HistoryMaxAge);
    }

    private static async Task<Results<OpenAnswer<OpenData<WaterHistoryView>>, ProblemHttpResult>> WaterHistory(
        string id, HttpContext http, CityCatalog catalog, OpenHistory history, IOptions<OpenDataOptions> o, CancellationToken cancellationToken)
    {
        if (Station(catalog, id, SensorKinds.Water) is not { } station) return UnknownStation(id, "water");
        var hours = await history.Day(station.Id, "do", cancellationToken);
        return OpenResponse.Json(http, Envelope(o, new WaterHistoryView(station.Id, "do", "mg/L", hours)), OpenResponse.HistoryMaxAge);
    }

    public static Sensor? Station(CityCatalog catalog, string id, string kind) =>
        EntityId.IsValid(id) && catalog.FindSensor(id) is { Retired: false } sensor && sensor.Kind == kind ? sensor : null;

    public static ProblemHttpResult UnknownStation(string id, string kind) =>
        Problems.NotFound($"No {kind} station{(EntityId.IsValid(id) ? $" '{id}'" : "")}. The list is at {Prefix}/{kind}.", "Unknown station");

    private static Results<OpenAnswer<OpenData<T>>, ProblemHttpResult> Live<T>(HttpContext http, OpenCity city, IOptions<OpenDataOptions> options, T view) =>
        city.IsReady ? OpenResponse.Json(http, Envelope(options, view), OpenResponse.LiveMaxAge) : NotReady(http);

    internal static OpenData<T> Envelope<T>(IOptions<OpenDataOptions> options, T data) => new(options.Value.Licence, options.Value.Source, data);

    /// <summary>An answer from the live picture: 503 with <c>Retry-After</c> until the first snapshot is in.</summary>
    internal static RouteHandlerBuilder AsLiveData(this RouteHandlerBuilder endpoint, string topic) =>
        endpoint.AsOpenData(topic).ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Just after start-up, before the first snapshot is in.</summary>
    public static ProblemHttpResult NotReady(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "5";
        return Problems.Of(StatusCodes.Status503ServiceUnavailable, "Starting", "The centre is starting; try again in a few seconds.");
    }
}
