using ControlCenter.Host.Ingest;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ControlCenter.Bench.Host;

public static class BenchSinks
{
    public const string ModeKey = "Bench:Mode";

    /// <summary>
    /// Registers the <see cref="IReadingSink"/> of the baseline <c>Bench:Mode</c> names (see <see cref="BenchMode"/>);
    /// the product then leaves out its own. A baseline answers 202 and keeps nothing, so it is refused outside the
    /// Development environment: one stray environment variable must never make a centre drop data.
    /// </summary>
    public static IServiceCollection AddBenchReadingSink(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var configured = configuration[ModeKey];
        if (!Enum.TryParse<BenchMode>(configured?.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var mode) || !Enum.IsDefined(mode))
            throw new InvalidOperationException(
                $"{ModeKey} '{configured}' is not one of raw, grain-ceiling. This host only runs the benchmark baselines; the product is ControlCenter.Host.");
        if (!environment.IsDevelopment())
            throw new InvalidOperationException(
                $"{ModeKey} is '{configured}' in the {environment.EnvironmentName} environment. Benchmark modes discard readings and run only "
                + "with ASPNETCORE_ENVIRONMENT=Development (ops/bench starts them so).");
        switch (mode)
        {
            case BenchMode.Raw: services.AddSingleton<IReadingSink, DiscardingSink>(); break;
            case BenchMode.GrainCeiling: services.AddSingleton<IReadingSink, GrainCeilingSink>(); break;
        }

        Console.Error.WriteLine($"BENCHMARK MODE {mode}: ingest does not apply readings. Never use this in a deployment.");
        return services;
    }
}
