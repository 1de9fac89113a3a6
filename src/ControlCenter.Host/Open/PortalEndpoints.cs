using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Open;

/// <summary>
/// The citizens' portal, <c>/cong-thong-tin</c>: one static page (wwwroot/portal) whose script reads the open
/// data API. No Blazor circuit and no session, so a crowd costs the server a cached page and cached JSON.
/// </summary>
public static class PortalEndpoints
{
    public const string Page = "portal/index.html";

    /// <summary>
    /// Scripts and styles from this origin only, no inline script, data from this origin only: text from the
    /// data can never run. Leaflet positions its layers through the CSSOM, which style-src does not govern.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapPortal(this IEndpointRouteBuilder app)
    {
        // Routing matches "/cong-thong-tin/" to this template too; the page links its files by absolute paths.
        app.MapGet(OpenSurface.PortalPath, Serve)
            .WithName("Portal")
            .AllowAnonymous()
            .RequireRateLimiting(OpenSurface.RatePolicy)
            .CacheOutput(p => p.SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding).Expire(TimeSpan.FromMinutes(1)).Tag(OpenSurface.CachePolicy))
            // A page for people, not part of the API; programs read the open data API it reads.
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>The page's own headers, also on its files under /portal (the page must not be framed from there either).</summary>
    public static void SecurityHeaders(IHeaderDictionary headers)
    {
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
    }

    private static async Task<Results<OpenAnswer, ProblemHttpResult>> Serve(HttpContext http, IWebHostEnvironment environment, CancellationToken cancellationToken)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(Page);
        if (!file.Exists) return TypedResults.Problem($"wwwroot/{Page} is missing from this build.", statusCode: StatusCodes.Status500InternalServerError);
        byte[] body;
        await using (var stream = file.CreateReadStream())
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, cancellationToken);
            body = copy.ToArray();
        }

        SecurityHeaders(http.Response.Headers);
        return OpenResponse.Bytes(http, body, "text/html; charset=utf-8", TimeSpan.FromMinutes(1));
    }
}
