using System.Globalization;
using System.Threading.RateLimiting;
using ControlCenter.Host.Open;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.People;

/// <summary>
/// A token bucket per client address (an IPv6 client per /64, as the public surface counts) on every route that
/// checks a password: the API's login and the wall's login form. The rate limiter runs before the endpoint, so an
/// attempt past the limit costs no password hash and no audit row. Per host, on purpose: it guards that host's
/// CPU; the lockout behind it is what holds across the cluster.
/// </summary>
public sealed class LoginRateLimit(IOptions<PeopleOptions> options) : IRateLimiterPolicy<string>
{
    public const string Policy = "login-per-client";

    /// <summary>The wall's sign-in form (Wall/Pages/LoginPage.razor), which shares this policy with the API.</summary>
    public const string WallFormPath = "/login";

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, _) =>
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, Math.Ceiling(wait.TotalSeconds)) : 1;
        http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
        // A person at the wall's form gets a page in their language with the way back, not a JSON document.
        if (http.Request.Path.StartsWithSegments(WallFormPath))
        {
            await ThrottledPage.Write(http, (int)retryAfter);
            return;
        }
        await Results.Problem($"Too many login attempts from this address; retry after {retryAfter} s.",
            statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(http);
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        // The wall's login page is one endpoint for showing the form (GET) and posting it: only a post checks a password.
        if (!HttpMethods.IsPost(httpContext.Request.Method)) return RateLimitPartition.GetNoLimiter("");
        var o = options.Value;
        var perMinute = Math.Max(1, o.LoginsPerMinutePerClient);
        return RateLimitPartition.GetTokenBucketLimiter(OpenSurface.ClientOf(httpContext.Connection.RemoteIpAddress), _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(1, o.LoginBurstPerClient),
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromMinutes(1) / perMinute,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }
}
