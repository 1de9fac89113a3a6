using System.Text.Json.Serialization;

namespace ControlCenter.Host.Hosting;

public static class ApiConfiguration
{
    /// <summary>Server limits, JSON shape, problem details, health checks, warm-up and the start-up banner.</summary>
    public static WebApplicationBuilder AddCityApi(this WebApplicationBuilder builder)
    {
        // Explicit limits against slow or oversized clients (Kestrel's own defaults, tightened where ingest allows).
        builder.WebHost.ConfigureKestrel(o =>
        {
            o.Limits.MaxRequestBodySize = Ingest.IngestEndpoint.MaxBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(15);
            o.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(2);
            o.Limits.MinRequestBodyDataRate = new Microsoft.AspNetCore.Server.Kestrel.Core.MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<CityWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CityWarmup>());
        builder.Services.AddHostedService<StartupBanner>();
        builder.Services.AddHealthChecks().AddCheck<ReadinessCheck>("silo-and-storage");
        return builder;
    }
}
