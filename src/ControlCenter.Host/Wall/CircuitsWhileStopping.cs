namespace ControlCenter.Host.Wall;

/// <summary>
/// A stopping silo refuses the wall's circuit connections (<c>/_blazor</c>) with 503. SignalR closes every connection
/// when the application stops, and a wall reconnects at once: without this it could reach its circuit again on the way
/// out, and that new connection held Kestrel's drain open until the host's shutdown timeout (30 s), so the silo's own
/// stop ran out of time and ended non-graceful (the rolling-restart test saw it). Refused, the wall tries again with
/// back-off (App.razor.js) until a silo answers.
/// </summary>
public static class CircuitsWhileStopping
{
    public static WebApplication RefuseCircuitsWhileStopping(this WebApplication app)
    {
        var stopping = app.Lifetime.ApplicationStopping;
        app.Use(async (http, next) =>
        {
            if (stopping.IsCancellationRequested && http.Request.Path.StartsWithSegments("/_blazor", StringComparison.OrdinalIgnoreCase))
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "5";
                return;
            }

            await next(http);
        });
        return app;
    }
}
