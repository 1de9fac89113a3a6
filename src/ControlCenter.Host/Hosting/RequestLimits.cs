using System.Globalization;
using System.Threading.RateLimiting;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Open;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// The server's limits against slow or oversized clients, and the rate limiter's shared answer. The policies themselves
/// belong to their features: per ingest key (<see cref="IngestRateLimit"/>), per client on the public surface
/// (<see cref="OpenSurface"/>) and on the login (<c>People/LoginRateLimit</c>, which answers for itself).
/// </summary>
public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        // Kestrel's own defaults, tightened where ingest allows.
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = IngestEndpoint.MaxBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            o.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = Reject;
        });
        return builder;
    }

    /// <summary>429 problem details with <c>Retry-After</c>; a refused ingest key is counted in /metrics.</summary>
    private static async ValueTask Reject(OnRejectedContext context, CancellationToken cancellationToken)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        // The open data API's callers are people, not keys.
        if (OpenSurface.IsPublicPath(http.Request.Path))
        {
            await Results.Problem($"Too many requests from this address; retry after {retryAfter} s.",
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
            return;
        }

        http.RequestServices.GetRequiredService<IngestMetrics>().CountRefused(StatusCodes.Status429TooManyRequests);
        await Results.Problem($"This key sends faster than its rate; retry after {retryAfter} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
    }
}
