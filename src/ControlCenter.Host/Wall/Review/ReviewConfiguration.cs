using ControlCenter.Host.Alerts;

namespace ControlCenter.Host.Wall.Review;

public static class ReviewConfiguration
{
    /// <summary>Incident review: the wall's pictures of past moments and the alerts' incident records.</summary>
    public static IServiceCollection AddIncidentReview(this IServiceCollection services)
    {
        services.AddSingleton<SensorsAsOf>();
        // One per circuit: it keeps the alert list for a few seconds while a review plays.
        services.AddScoped<WallMoment>();
        services.AddSingleton<IncidentRecords>();
        return services;
    }
}
