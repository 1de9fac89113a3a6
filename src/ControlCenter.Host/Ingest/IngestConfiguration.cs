using ControlCenter.Grains.Sensors;
using ControlCenter.Host.Bench;
using ControlCenter.Storage.Log;

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
        builder.Services.AddReadingSink(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton<IngestMetrics>();
        builder.Services.AddIngestRateLimit();
        builder.Services.AddReadingLog();
        builder.Services.AddHostedService<HistoryRetention>();
        return builder;
    }
}
