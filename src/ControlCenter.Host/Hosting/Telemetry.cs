using System.Diagnostics.Metrics;
using ControlCenter.Host.Egov;
using Microsoft.AspNetCore.OpenApi;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// The centre's telemetry, part of its <see cref="ServiceDefaults"/>: instruments exported by
/// OpenTelemetry (the centre's, Orleans', ASP.NET Core's, the runtime's and Npgsql's) at <c>/metrics</c> through the
/// Prometheus exporter, traces through ingest → grain → feed sent over OTLP when a collector is configured, JSON
/// console logs outside Development, and the Orleans Dashboard for the people who run the cluster (admins only, switchable).
/// </summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    /// <summary>The <c>service.name</c> resource attribute of every span and metric exported.</summary>
    public const string ServiceName = "controlcenter";

    /// <summary>The meters exported besides the runtime's, ASP.NET Core's and Npgsql's (added by their instrumentation).</summary>
    public static readonly string[] Meters = [CityTelemetry.MeterName, EgovMetrics.MeterName, "Microsoft.Orleans"];

    /// <summary>The sources traced when a collector is configured: the centre's spans and Orleans' grain calls.</summary>
    public static readonly string[] Sources =
        [CityTelemetry.ActivitySourceName, Grains.Feed.FeedTelemetry.SourceName, "Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(TelemetryOptions.Section);
        var options = section.Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.Configure<TelemetryOptions>(section);
        // Outside Development logs go to a collector that parses them: one JSON object a line. People read plain text.
        if (!builder.Environment.IsDevelopment())
            builder.Logging.AddJsonConsole(o => { o.UseUtcTimestamp = true; o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ"; });

        builder.Services.AddSingleton<ClusterSnapshot>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ClusterSnapshot>());
        builder.Services.Configure<OpenApiOptions>("v1", o => o.AddDocumentTransformer<MetricsDocumentation>());

        var otlp = OtlpExport.From(builder.Configuration, options);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(ServiceName, serviceInstanceId: Environment.MachineName))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(Meters).AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                ((IDeferredMeterProviderBuilder)metrics).Configure((services, provider) => provider.AddView(OwnHostOnly(services.GetRequiredService<IMeterFactory>())));
                metrics.AddPrometheusExporter(o =>
                {
                    o.ScrapeEndpointPath = MetricsPath;
                    // No scope label on each series (the documented names carry none) and no cache: a scrape is current.
                    o.ScopeInfoEnabled = false;
                    o.ScrapeResponseCacheDurationMilliseconds = 0;
                });
                if (otlp is not null) metrics.AddOtlpExporter(o => otlp.Configure(o, "v1/metrics"));
            });
        builder.Services.AddHostedService<TelemetryBaseline>();
        // Spans cost CPU on the ingest path: they are recorded only when someone collects them.
        if (otlp is not null)
            telemetry.WithTracing(tracing => tracing.AddSource(Sources).AddAspNetCoreInstrumentation().AddNpgsql()
                .AddOtlpExporter(o => otlp.Configure(o, "v1/traces")));

        builder.UseOrleans(silo => silo.AddActivityPropagation());
        builder.AddOrleansDashboardForAdmins();
        return builder;
    }

    /// <summary><c>/metrics</c> (read as the API is) and the Orleans Dashboard (admins only).</summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch =>
        {
            branch.UsePlainLabelFreeSeries();
            branch.Use(async (http, next) =>
            {
                await http.RequestServices.GetRequiredService<ClusterSnapshot>().Fresh(http.RequestAborted);
                await next(http);
            });
        }, optionsName: null).RequireAuthorization(AccessPolicies.Read).WithDisplayName("GetMetrics");
        app.MapOrleansDashboardForAdmins();
        return app;
    }

    /// <summary>
    /// Instruments of meters made by another host's <see cref="IMeterFactory"/> (several hosts share a process in
    /// tests) are dropped, so each host's <c>/metrics</c> shows its own figures; process-wide meters stay.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OwnHostOnly(IMeterFactory own) =>
        instrument => instrument.Meter.Scope is IMeterFactory factory && !ReferenceEquals(factory, own) ? MetricStreamConfiguration.Drop : null;
}
