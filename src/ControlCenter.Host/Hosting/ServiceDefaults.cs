using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// What every silo process has whatever it serves, in one place, as a .NET service template's ServiceDefaults project
/// holds it: telemetry (metrics, traces, logs, the Orleans Dashboard), health checks and probes, and request limits.
/// Features register their own services, and their own rate-limit policies, from their folders.
/// </summary>
public static class ServiceDefaults
{
    /// <summary>The process answers (Kubernetes' liveness probe): no check runs.</summary>
    public const string LivePath = "/health/live";

    /// <summary>The silo can serve (readiness and startup probes): see <see cref="ReadinessCheck"/>.</summary>
    public const string ReadyPath = "/health/ready";

    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("silo-and-storage");
        builder.AddRequestLimits();
        return builder;
    }

    /// <summary><c>/metrics</c>, the Orleans Dashboard and the probes; the rate limiter's place in the pipeline stays in Program.cs.</summary>
    public static WebApplication MapServiceDefaults(this WebApplication app)
    {
        app.MapTelemetry();
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadyPath).AllowAnonymous();
        return app;
    }
}
