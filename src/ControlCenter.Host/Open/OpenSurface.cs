using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Open;

/// <summary>
/// What makes an endpoint part of the public surface: anonymous, GET only, CORS for any origin, a per-client
/// rate limit, output-cached on the stamp of the topic it shows, compressed. <see cref="IsPublicPath"/> is the
/// one place that says which paths those are.
/// </summary>
public static class OpenSurface
{
    public const string CorsPolicy = "open-data";
    public const string RatePolicy = "open-data-per-client";
    public const string CachePolicy = "open-data";

    /// <summary>The open data API and the portal page.</summary>
    public static bool IsPublicPath(PathString path) =>
        // Routing matches paths whatever their case, so the public surface's own middleware must too.
        path.StartsWithSegments("/open", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments(PortalPath, StringComparison.OrdinalIgnoreCase);

    public const string PortalPath = "/cong-thong-tin";

    /// <summary>What an integrator needs to know of every address on the public surface.</summary>
    public const string Description =
        "Anonymous: no key, no sign-in. Rate-limited per client (an IPv4 address or an IPv6 /64): past the limit, 429 with Retry-After. "
        + "Cached: every answer carries a weak ETag; send it back in If-None-Match and an unchanged answer is 304 with no body. "
        + "Only public figures: raw head counts and number plates never appear (crowding is a level and a share of capacity, parking a count of free spaces).";

    /// <summary>
    /// A group of the public surface: anonymous, CORS for any origin, the per-client rate limit. Its endpoints say
    /// what they show with <see cref="AsOpenData(RouteHandlerBuilder, string, TimeSpan?, bool)"/>.
    /// </summary>
    /// <param name="rules">What else an integrator must know of every address in the group.</param>
    public static RouteGroupBuilder MapOpenGroup(this IEndpointRouteBuilder app, string prefix, string tag, string? rules = null) =>
        app.MapGroup(prefix)
            .AllowAnonymous()
            .RequireCors(CorsPolicy)
            .RequireRateLimiting(RatePolicy)
            .WithTags(tag)
            .WithDescription(rules is null ? Description : $"{Description} {rules}")
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status429TooManyRequests, typeof(ProblemDetails), ["application/problem+json"]));

    /// <summary>
    /// An endpoint of an open group (<see cref="MapOpenGroup"/>): output-cached on the stamp of <paramref name="topic"/>,
    /// the <see cref="OpenCity"/> topic its answer depends on.
    /// </summary>
    /// <param name="readsQuery">
    /// Whether the answer depends on the query string. If not, the cache ignores it, so <c>?x=1</c>, <c>?x=2</c>… cannot
    /// make every request a miss (on the history and CSV addresses, a database read).
    /// </param>
    public static RouteHandlerBuilder AsOpenData(this RouteHandlerBuilder endpoint, string topic, TimeSpan? cacheFor = null, bool readsQuery = false) =>
        endpoint.AsOpenData(_ => topic, topic, cacheFor, readsQuery);

    /// <summary>For one address whose topic depends on the request (a <c>?type=</c> that picks the domain).</summary>
    public static RouteHandlerBuilder AsOpenData(
        this RouteHandlerBuilder endpoint, Func<HttpContext, string> topicOf, string description, TimeSpan? cacheFor = null, bool readsQuery = false) =>
        endpoint
            .CacheOutput(p => p
                // Naming query keys limits the key to them; "*" is all. No request sends a key called "-".
                .SetVaryByQuery(readsQuery ? "*" : "-")
                .SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding)
                .VaryByValue(http =>
                {
                    var topic = topicOf(http);
                    return new KeyValuePair<string, string>(topic,
                        http.RequestServices.GetRequiredService<OpenCity>().Stamp(topic).ToString(CultureInfo.InvariantCulture));
                })
                .Expire(cacheFor ?? TimeSpan.FromSeconds(30))
                .Tag(CachePolicy))
            .WithMetadata(new OpenDataEndpoint(description));

    public static IServiceCollection AddOpenSurface(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<OpenDataOptions>(configuration.GetSection(OpenDataOptions.Section));
        services.AddSingleton<OpenMetrics>();
        services.AddSingleton<OpenCity>();
        services.AddHostedService(sp => sp.GetRequiredService<OpenCity>());
        services.AddCors(o => o.AddPolicy(CorsPolicy, p => p.AllowAnyOrigin().WithMethods("GET")
            .WithHeaders("If-None-Match", "Accept").WithExposedHeaders("ETag", "Retry-After", "Link")));
        services.AddOutputCache(o =>
        {
            o.SizeLimit = 64 * 1024 * 1024;
            // Ids are lowercase: /AQ-X must not be answered from /aq-x's entry (it is a 404).
            o.UseCaseSensitivePaths = true;
        });
        services.AddResponseCompression(o =>
        {
            // Only public data is compressed here (see UseOpenSurface), so HTTPS carries no secret to guess at.
            o.EnableForHttps = true;
            o.Providers.Add<BrotliCompressionProvider>();
            o.Providers.Add<GzipCompressionProvider>();
            o.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["application/ld+json", "application/atom+xml", "application/cap+xml", "text/csv", "application/geo+json"]);
        });
        services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
        services.AddRateLimiter(o => o.AddPolicy(RatePolicy, http =>
        {
            var perSecond = Math.Max(1, http.RequestServices.GetRequiredService<IOptions<OpenDataOptions>>().Value.RequestsPerSecondPerClient);
            return RateLimitPartition.GetTokenBucketLimiter(ClientOf(http.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = perSecond * 2, TokensPerPeriod = perSecond, ReplenishmentPeriod = TimeSpan.FromSeconds(1), QueueLimit = 0, AutoReplenishment = true,
            });
        }));
        return services;
    }

    /// <summary>
    /// The rate limit's client: an IPv4 address, or an IPv6 address's /64 (one household or phone gets a whole /64,
    /// so counting single IPv6 addresses would give each caller endless buckets).
    /// </summary>
    public static string ClientOf(System.Net.IPAddress? address)
    {
        if (address is null) return "(unknown)";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new System.Net.IPAddress(bytes) + "/64";
    }

    /// <summary>Counts what public paths answer; goes before the rate limiter, so its refusals are counted too.</summary>
    public static IApplicationBuilder UseOpenSurfaceCounting(this IApplicationBuilder app) =>
        app.UseWhen(http => IsPublicPath(http.Request.Path), branch => branch.Use(async (http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                // A signed-in operator's browser on the portal must not get its renewed login cookie in a public,
                // cacheable answer.
                http.Response.Headers.Remove(Microsoft.Net.Http.Headers.HeaderNames.SetCookie);
                http.RequestServices.GetRequiredService<OpenMetrics>().Count(http.Response.StatusCode);
                return Task.CompletedTask;
            });
            await next(http);
        }));

    /// <summary>
    /// Output cache and compression for public paths only, after the rate limiter (a cached answer still costs
    /// the client a token). The cache stores compressed bodies (compression sits inside it, and it varies by
    /// Accept-Encoding); nothing private is ever compressed or cached.
    /// </summary>
    public static IApplicationBuilder UseOpenSurface(this IApplicationBuilder app) =>
        app.UseWhen(http => IsPublicPath(http.Request.Path), branch =>
        {
            branch.UseOutputCache();
            branch.UseResponseCompression();
        });
}

/// <summary>Endpoint metadata: this endpoint is public, and shows <see cref="Topic"/> (a topic, or what picks it).</summary>
public sealed record OpenDataEndpoint(string Topic);
