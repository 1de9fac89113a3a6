using System.Threading.RateLimiting;
using ControlCenter.Contracts.Grains;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Per-key rate limiting of ingest (a token bucket per key for the whole cluster, <see cref="ClusterRateLimiter"/>;
/// unknown keys share one small bucket), answered with 429 problem details and <c>Retry-After</c>, and counted in /metrics
/// (the answer is the rate limiter's shared one, <see cref="Hosting.RequestLimits"/>).
/// </summary>
public static class IngestRateLimit
{
    public const string Policy = "ingest-per-key";

    public static IServiceCollection AddIngestRateLimit(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
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
