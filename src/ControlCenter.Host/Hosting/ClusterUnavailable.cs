using System.Diagnostics.Metrics;
using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// A request that reached a grain on a silo that has just died, or a cluster still settling its membership, is refused
/// with <c>503</c> problem details and <c>Retry-After</c>, not <c>500</c>: the grain comes back on a survivor within
/// seconds, and a resend then succeeds. Counted in /metrics as <c>controlcenter_cluster_unavailable_total</c>, by exception type.
/// </summary>
public sealed class ClusterUnavailable : IExceptionHandler
{
    /// <summary>How long a caller is asked to wait: about the time the survivors take to declare a silo dead.</summary>
    public const int RetryAfterSeconds = 2;

    private readonly IProblemDetailsService _problems;
    private readonly ILogger<ClusterUnavailable> _logger;
    private readonly Counter<long> _refused;

    public ClusterUnavailable(IProblemDetailsService problems, IMeterFactory meters, ILogger<ClusterUnavailable> logger)
    {
        _problems = problems;
        _logger = logger;
        _refused = meters.Create(CityTelemetry.MeterName).CreateCounter<long>(
            "controlcenter.cluster.unavailable", "{request}", "Requests refused with 503 because a silo was unavailable, by exception type");
    }

    /// <summary>
    /// Orleans' signs of a silo gone or going: the target silo is known dead (<see cref="SiloUnavailableException"/>,
    /// a kind of <see cref="OrleansMessageRejectionException"/>), the connection to it failed, or the call timed out
    /// waiting for it. Searched through inner and aggregate exceptions, since grain calls made together fail together.
    /// </summary>
    public static Exception? Cause(Exception? exception) => exception switch
    {
        null => null,
        OrleansMessageRejectionException or ConnectionFailedException or TimeoutException => exception,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Cause).FirstOrDefault(e => e is not null),
        _ => Cause(exception.InnerException),
    };

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (Cause(exception) is not { } cause) return false;
        _refused.Add(1, new KeyValuePair<string, object?>("exception", cause.GetType().Name));
        _logger.LogWarning("{Method} {Path} refused with 503 while the cluster settles: {Exception}: {Message}",
            httpContext.Request.Method, httpContext.Request.Path, cause.GetType().Name, cause.Message);

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await _problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Cluster settling",
                Detail = $"A silo of the cluster is unavailable; the request's grains move to another within seconds. Send it again after {RetryAfterSeconds} s.",
            },
        });
    }
}
