using ControlCenter.Host.Feed;
using ControlCenter.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlCenter.Host.Hosting;

/// <summary>Ready when the silo has activated the city model, the live feed hears every silo, and the database answers.</summary>
public sealed class ReadinessCheck(CityWarmup warmup, FeedRegistration feed, CityDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!warmup.Done.Task.IsCompletedSuccessfully) return HealthCheckResult.Unhealthy("The silo has not activated the city model yet.");
        if (!feed.Registered.Task.IsCompletedSuccessfully) return HealthCheckResult.Unhealthy("The live feed is not registered with every silo yet.");
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await CityDatabase.ExecuteAsync(connection, "SELECT 1", cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }
    }
}
