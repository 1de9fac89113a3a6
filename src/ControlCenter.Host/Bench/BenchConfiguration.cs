using ControlCenter.Host.Ingest;

namespace ControlCenter.Host.Bench;

public static class BenchConfiguration
{
    public const string ModeKey = "Bench:Mode";

    /// <summary>
    /// Registers the ingest back end: the product's <see cref="IngestService"/> unless <c>Bench:Mode</c> asks for a
    /// benchmark baseline (see <see cref="BenchMode"/>). A baseline answers 202 and keeps nothing, so it is refused
    /// outside the Development environment: one stray environment variable must never make a deployment drop data.
    /// </summary>
    public static IServiceCollection AddReadingSink(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ModeKey];
        var mode = string.IsNullOrWhiteSpace(configured) ? BenchMode.Full
            : Enum.TryParse<BenchMode>(configured.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) ? parsed
            : throw new InvalidOperationException($"{ModeKey} '{configured}' is not one of full, raw, grain-ceiling (benchmarks only; leave it unset).");
        if (mode != BenchMode.Full && !environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{ModeKey} is '{configured}' in the {environment.EnvironmentName} environment. Benchmark modes discard readings and run only "
                + "with ASPNETCORE_ENVIRONMENT=Development (ops/bench starts them so); unset Bench__Mode for a real centre.");
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
