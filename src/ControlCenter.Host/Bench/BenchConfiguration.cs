using ControlCenter.Host.Ingest;

namespace ControlCenter.Host.Bench;

public static class BenchConfiguration
{
    public const string ModeKey = "Bench:Mode";

    /// <summary>
    /// Registers the ingest back end: the product's <see cref="IngestService"/> unless <c>Bench:Mode</c> asks for a
    /// benchmark baseline (see <see cref="BenchMode"/>); a mode set by mistake is announced loudly at start-up.
    /// </summary>
    public static IServiceCollection AddReadingSink(this IServiceCollection services, IConfiguration configuration)
    {
        var configured = configuration[ModeKey];
        var mode = string.IsNullOrWhiteSpace(configured) ? BenchMode.Full
            : Enum.TryParse<BenchMode>(configured.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"{ModeKey} '{configured}' is not one of full, raw, grain-ceiling (benchmarks only; leave it unset).");
        switch (mode)
        {
            case BenchMode.Raw: services.AddSingleton<IReadingSink, DiscardingSink>(); break;
            case BenchMode.GrainCeiling: services.AddSingleton<IReadingSink, GrainCeilingSink>(); break;
            default: services.AddSingleton<IReadingSink>(sp => sp.GetRequiredService<IngestService>()); break;
        }

        if (mode != BenchMode.Full) Console.Error.WriteLine($"BENCHMARK MODE {mode}: ingest does not apply readings. Never use this in a deployment.");
        return services;
    }
}
