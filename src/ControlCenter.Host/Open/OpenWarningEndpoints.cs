using ControlCenter.Host.Alerts;
using ControlCenter.Host.Api;
using ControlCenter.Host.Cap;
using ControlCenter.Host.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// Public warnings in OASIS CAP 1.2 (docs/open-data-cap-csv.md): <c>/open/v1/warnings.atom</c>, the Atom feed of
/// every warning in force or ended within a day, and <c>/open/v1/warnings/{id}.cap</c>, one warning's latest message.
/// </summary>
public static class OpenWarningEndpoints
{
    public static RouteGroupBuilder MapOpenWarnings(this RouteGroupBuilder open)
    {
        open.MapGet("/warnings.atom", Feed).WithName("OpenWarningsAtom").AsLiveData(OpenCity.WarningsTopic)
            .WithSummary("Atom feed of public warnings in force or ended within a day, each with its CAP 1.2 message")
            .Produces<string>(StatusCodes.Status200OK, WarningFeed.ContentType);
        open.MapGet("/warnings/{id}.cap", One).WithName("OpenWarningCap").AsLiveData(OpenCity.WarningsTopic)
            .WithSummary("One public warning's latest message in OASIS CAP 1.2")
            .Produces<string>(StatusCodes.Status200OK, WarningCap.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return open;
    }

    private static Results<OpenAnswer, ProblemHttpResult> Feed(
        HttpContext http, OpenCity city, TimeProvider time, IOptions<OpenDataOptions> open, IOptions<WebhookOptions> cap)
    {
        if (!city.IsReady) return OpenEndpoints.NotReady(http);
        var now = time.GetUtcNow();
        // An empty feed is as new as the hour: its body (and ETag) stays the same until then.
        var hour = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerHour, TimeSpan.Zero);
        var feed = WarningFeed.Write(city.Warnings(), BaseUrl(http, open.Value), cap.Value.CapSender, open.Value, hour);
        return OpenResponse.Bytes(http, CapCodes.ToBytes(feed), WarningFeed.ContentType, OpenResponse.LiveMaxAge);
    }

    private static Results<OpenAnswer, ProblemHttpResult> One(string id, HttpContext http, OpenCity city, IOptions<OpenDataOptions> open, IOptions<WebhookOptions> cap)
    {
        if (!city.IsReady) return OpenEndpoints.NotReady(http);
        var alert = AlertEndpoints.AlertIdPattern().IsMatch(id) ? city.Warnings().FirstOrDefault(a => a.Id == id) : null;
        if (alert is null)
        {
            var named = AlertEndpoints.AlertIdPattern().IsMatch(id) ? $" '{id}'" : "";
            return Problems.NotFound(
                $"No public warning{named} is in force or ended in the last 24 hours. The feed is at {OpenEndpoints.Prefix}/warnings.atom.", "Unknown warning");
        }

        return OpenResponse.Bytes(http, CapCodes.ToBytes(WarningCap.Write(alert, cap.Value.CapSender, open.Value.Source)), WarningCap.ContentType, OpenResponse.LiveMaxAge);
    }

    private static string BaseUrl(HttpContext http, OpenDataOptions options) =>
        options.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/')
        : $"{http.Request.Scheme}://{(http.Request.Host.HasValue ? http.Request.Host : new HostString("localhost"))}{http.Request.PathBase}";
}
