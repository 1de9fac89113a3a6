using ControlCenter.Host.People;
using Orleans.Dashboard;

namespace ControlCenter.Host.Hosting;

/// <summary>The Orleans Dashboard for the people who run the cluster: admins only, and only when switched on.</summary>
public static class OrleansDashboardConfiguration
{
    public static WebApplicationBuilder AddOrleansDashboardForAdmins(this WebApplicationBuilder builder)
    {
        if (!IsEnabled(builder.Configuration)) return builder;
        // The dashboard's live log stream is off: logs go to the log collector, not to a browser tab.
        builder.UseOrleans(silo => silo.AddDashboard(o => o.HideTrace = true));
        return builder;
    }

    public static WebApplication MapOrleansDashboardForAdmins(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration)) return app;
        var path = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TelemetryOptions>>().Value.DashboardPath;
        // The dashboard is Orleans' own page and its data calls, for people, not part of the API contract.
        app.MapOrleansDashboard(path).RequireAuthorization(Roles.Admin).ExcludeFromDescription();
        return app;
    }

    private static bool IsEnabled(IConfiguration configuration) =>
        configuration.GetSection(OrleansDashboardOptions.Section).Get<OrleansDashboardOptions>()?.Enabled ?? true;
}
