using System.Diagnostics.Metrics;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Open;

/// <summary>What the public surface answered: served, not modified (304) and refused for rate.</summary>
public sealed class OpenMetrics
{
    private static readonly KeyValuePair<string, object?> Served = new("outcome", "served");
    private static readonly KeyValuePair<string, object?> NotModified = new("outcome", "not-modified");
    private static readonly KeyValuePair<string, object?> RateLimited = new("outcome", "rate-limited");

    private readonly Counter<long> _requests;

    public OpenMetrics(IMeterFactory meters)
    {
        _requests = meters.Create(CityTelemetry.MeterName)
            .CreateCounter<long>("controlcenter.open.requests", "{request}", "Public surface answers: served, not modified, rate-limited");
    }

    /// <summary>The three outcomes from the start (0), as before: see <see cref="Hosting.TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        foreach (var outcome in new[] { Served, NotModified, RateLimited }) _requests.Add(0, outcome);
    }

    public void Count(int status) => _requests.Add(1, status switch
    {
        StatusCodes.Status304NotModified => NotModified,
        StatusCodes.Status429TooManyRequests => RateLimited,
        _ => Served,
    });
}
