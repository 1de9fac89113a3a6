namespace ControlCenter.Host.Alerts;

public static class AlertsConfiguration
{
    /// <summary>Keeps this silo's thresholds in step with the cluster's (see <see cref="ThresholdRefresher"/>).</summary>
    public static WebApplicationBuilder AddAlerts(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ThresholdRefresher>();
        return builder;
    }
}
