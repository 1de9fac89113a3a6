using System.Globalization;
using System.Threading.RateLimiting;
using ControlCenter.Contracts.Grains;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Per-key rate limiting of ingest (a token bucket per key for the whole cluster, <see cref="ClusterRateLimiter"/>;
/// unknown keys share one small bucket), answered with 429 problem details and <c>Retry-After</c>, and counted in /metrics.
/// </summary>
public static class IngestRateLimit
{
    public const string Policy = "ingest-per-key";

    public static IServiceCollection AddIngestRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, Math.Ceiling(wait.TotalSeconds)) : 1;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                // The open data API shares the limiter (one per app); its callers are people, not keys.
                if (Open.OpenSurface.IsPublicPath(http.Request.Path))
                {
                    await Results.Problem($"Too many requests from this address; retry after {retryAfter} s.",
                        statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
                    return;
                }

                http.RequestServices.GetRequiredService<IngestMetrics>().CountRefused(StatusCodes.Status429TooManyRequests);
                await Results.Problem($"This key sends faster than its rate; retry after {retryAfter} s.",
                    statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
            };
            o.AddPolicy(Policy, http =>
            {
                var keys = http.RequestServices.GetRequiredService<IngestKeyRing>();
                var defaults = http.RequestServices.GetRequiredService<IOptions<IngestKeyOptions>>().Value;
                var key = keys.Find(http.Request.Headers[IngestEndpoint.KeyHeader].ToString());
                var perSecond = key?.RequestsPerSecond ?? (key is null ? 10 : defaults.RequestsPerSecond);
                return RateLimitPartition.Get(key?.Name ?? "(unknown key)", name => new ClusterRateLimiter(
                    http.RequestServices.GetRequiredService<IGrainFactory>().GetGrain<IKeyRateGrain>(GrainKey(name)),
                    perSecond, http.RequestServices.GetRequiredService<TimeProvider>()));
            });
        });
        return services;
    }

    /// <summary>The key's bucket over HTTP; MQTT has its own (<c>mqtt/</c>), as it always had.</summary>
    public static string GrainKey(string keyName) => "http/" + keyName;
}
