using ControlCenter.Grains.Sensors;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Parking;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlCenter.Host.Ingest;

public static class IngestConfiguration
{
    /// <summary>Ingest, its keys and the readings log (the record and the history). Outside Development, start-up fails without keys.</summary>
    public static WebApplicationBuilder AddIngestAndHistory(this WebApplicationBuilder builder)
    {
        var keys = builder.Configuration.GetSection(IngestKeyOptions.Section).Get<IngestKeyOptions>() ?? new IngestKeyOptions();
        if (!keys.Keys.Any(k => !string.IsNullOrWhiteSpace(k.Key)))
            throw new InvalidOperationException(
                "No ingest key is configured. Set Ingest:Keys:0:Name and Ingest:Keys:0:Key (e.g. environment variables "
                + "Ingest__Keys__0__Name and Ingest__Keys__0__Key); Development seeds one in appsettings.Development.json.");

        builder.Services.Configure<IngestKeyOptions>(builder.Configuration.GetSection(IngestKeyOptions.Section));
        builder.Services.Configure<HistoryOptions>(builder.Configuration.GetSection(HistoryOptions.Section));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IngestKeyRing>();
        builder.Services.AddSingleton<ReadingParser>();
        builder.Services.AddSingleton<ReadingIntake>();
        builder.Services.AddSingleton<IngestService>();
        RefuseBenchmarkMode(builder);
        builder.Services.TryAddSingleton<IReadingSink>(sp => sp.GetRequiredService<IngestService>());
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddIngestRateLimit();
        builder.Services.AddReadingLog();
        // The lot desks' figures over time, for incident review; pruned with the readings by HistoryRetention.
        builder.Services.AddLotDeskHistory();
        builder.Services.AddHostedService<HistoryRetention>();
        return builder;
    }

    /// <summary>
    /// The benchmark baselines (docs/benchmarks.md) live in bench/ControlCenter.Bench.Host, which registers its own
    /// sink first. Here a <c>Bench:Mode</c> is a stray setting of someone who expects readings to be discarded:
    /// refuse it rather than start a centre that behaves otherwise than its configuration says.
    /// </summary>
    private static void RefuseBenchmarkMode(WebApplicationBuilder builder)
    {
        var mode = builder.Configuration["Bench:Mode"];
        if (string.IsNullOrWhiteSpace(mode) || builder.Services.Any(s => s.ServiceType == typeof(IReadingSink))) return;
        throw new InvalidOperationException(
            $"Bench:Mode is '{mode}' in the {builder.Environment.EnvironmentName} environment, but ControlCenter.Host has no benchmark "
            + "modes (ops/bench runs them in bench/ControlCenter.Bench.Host); unset Bench__Mode for a real centre.");
    }
}
