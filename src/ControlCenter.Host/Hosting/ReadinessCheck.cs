using ControlCenter.Contracts.Grains;
using ControlCenter.Host.Feed;
using ControlCenter.Storage;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Ready when the silo has activated the city model, the live feed hears every silo, and the database answers.
/// Alerts the book cannot read make it Degraded, not Unhealthy: the centre works without them (and a Degraded
/// probe still answers 200), but the report names them so someone repairs them.
/// </summary>
public sealed class ReadinessCheck(CityWarmup warmup, FeedRegistration feed, CityDatabase database, IGrainFactory grains) : IHealthCheck
{
    /// <summary>How many unreadable alert ids the message names before it just counts the rest.</summary>
    private const int NamedAlerts = 20;

    private static readonly TimeSpan BookTimeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!warmup.Done.Task.IsCompletedSuccessfully) return HealthCheckResult.Unhealthy("The silo has not activated the city model yet.");
        if (!feed.Registered.Task.IsCompletedSuccessfully) return HealthCheckResult.Unhealthy("The live feed is not registered with every silo yet.");
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await CityDatabase.ExecuteAsync(connection, "SELECT 1", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex);
        }

        return await AlertBook(cancellationToken);
    }

    private async Task<HealthCheckResult> AlertBook(CancellationToken cancellationToken)
    {
        string[] unreadable;
        try
        {
            unreadable = await grains.GetGrain<IAlertBookGrain>(0).Unreadable().WaitAsync(BookTimeout, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The book is one grain for the whole cluster: this silo can still serve, so degraded, not unready.
            return HealthCheckResult.Degraded("The alert book does not answer.", ex);
        }

        if (unreadable.Length == 0) return HealthCheckResult.Healthy();
        var named = string.Join(", ", unreadable.Take(NamedAlerts));
        var more = unreadable.Length > NamedAlerts ? $" and {unreadable.Length - NamedAlerts} more" : "";
        return HealthCheckResult.Degraded(
            $"{unreadable.Length} alert(s) cannot be read and are left out of the alert list: {named}{more}.",
            data: new Dictionary<string, object> { ["unreadableAlerts"] = unreadable });
    }
}
