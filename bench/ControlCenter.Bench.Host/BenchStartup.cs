using ControlCenter.Bench.Host;
using Microsoft.AspNetCore.Hosting;
using Orleans.Serialization;

[assembly: HostingStartup(typeof(BenchStartup))]

namespace ControlCenter.Bench.Host;

/// <summary>
/// Runs inside the product's <c>WebApplication.CreateBuilder</c>, before its own registrations: ASP.NET Core runs the
/// hosting startups of the application's assembly, and this one is the entry assembly.
/// </summary>
public sealed class BenchStartup : IHostingStartup
{
    public void Configure(IWebHostBuilder builder) => builder.ConfigureServices((context, services) =>
    {
        services.AddBenchReadingSink(context.Configuration, context.HostingEnvironment);
        // The store-only grain lives here, not in the product's grain assemblies.
        services.AddSerializer(serializer => serializer.AddAssembly(typeof(BenchReadingGrain).Assembly));
    });
}
