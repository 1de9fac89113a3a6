using ControlCenter.Host.Alerts;
using ControlCenter.Host.Cap;
using ControlCenter.Host.Webhooks;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// Public warnings in OASIS CAP 1.2 (docs/open-data-cap-csv.md): <c>/open/v1/warnings.atom</c>, the Atom feed of
/// every warning in force or ended within a day, and <c>/open/v1/warnings/{id}.cap</c>, one warning's latest message.
/// </summary>
public static class OpenWarningEndpoints
{
    public static IEndpointRouteBuilder MapOpenWarnings(this IEndpointRouteBuilder app)
    {
        app.MapGet($"{OpenEndpoints.Prefix}/warnings.atom", Feed).WithName("OpenWarningsAtom").AsOpenData(OpenCity.WarningsTopic);
        app.MapGet($"{OpenEndpoints.Prefix}/warnings/{{id}}.cap", One).WithName("OpenWarningCap").AsOpenData(OpenCity.WarningsTopic);
        return app;
    }

    private static IResult Feed(
        HttpContext http, OpenCity city, TimeProvider time, IOptions<OpenDataOptions> open, IOptions<WebhookOptions> cap)
    {
        if (!city.IsReady) return OpenEndpoints.NotReady(http);
        var now = time.GetUtcNow();
        // An empty feed is as new as the hour: its body (and ETag) stays the same until then.
        var hour = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var feed = WarningFeed.Write(city.Warnings(), BaseUrl(http, open.Value), cap.Value.CapSender, open.Value, hour);
        return OpenResponse.Bytes(http, CapCodes.ToBytes(feed), WarningFeed.ContentType, OpenResponse.LiveMaxAge);
    }

    private static IResult One(string id, HttpContext http, OpenCity city, IOptions<OpenDataOptions> open, IOptions<WebhookOptions> cap)
    {
        if (!city.IsReady) return OpenEndpoints.NotReady(http);
        var alert = AlertEndpoints.AlertIdPattern().IsMatch(id) ? city.Warnings().FirstOrDefault(a => a.Id == id) : null;
        if (alert is null)
        {
            var named = AlertEndpoints.AlertIdPattern().IsMatch(id) ? $" '{id}'" : "";
            return Results.Problem($"No public warning{named} is in force or ended in the last 24 hours. The feed is at {OpenEndpoints.Prefix}/warnings.atom.",
                statusCode: StatusCodes.Status404NotFound, title: "Unknown warning");
        }

        return OpenResponse.Bytes(http, CapCodes.ToBytes(WarningCap.Write(alert, cap.Value.CapSender, open.Value.Source)), WarningCap.ContentType, OpenResponse.LiveMaxAge);
    }

    private static string BaseUrl(HttpContext http, OpenDataOptions options) =>
        options.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : $"{http.Request.Scheme}://{(http.Request.Host.HasValue ? http.Request.Host : new HostString("localhost"))}{http.Request.PathBase}";
}
