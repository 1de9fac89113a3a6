using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// Wraps each of a test host's hosted services so that its stop logs how long it took. The host stops them one after
/// another on one shared deadline, so a service that waits out most of it leaves the silo, stopped last, cancelled;
/// the failure then names the silo, and only these lines name the service that took the time.
/// </summary>
public static class TimedHostedServices
{
    public const string Category = "ControlCenter.Host.Tests.HostedServiceStop";

    public static void Wrap(IServiceCollection services)
    {
        for (var i = 0; i < services.Count; i++)
        {
            var descriptor = services[i];
            // The web host's own service is left as it is (a second instance would start the server twice): its stop
            // is the time from "Hosting stopping" to the first line here, as it stops first.
            if (descriptor.ServiceType != typeof(IHostedService) || descriptor.IsKeyedService || IsWebHost(descriptor)) continue;
            services[i] = ServiceDescriptor.Singleton<IHostedService>(sp =>
                new Timed(Create(sp, descriptor), sp.GetRequiredService<ILoggerFactory>().CreateLogger(Category)));
        }
    }

    private static bool IsWebHost(ServiceDescriptor descriptor) =>
        descriptor.ImplementationType?.FullName == "Microsoft.AspNetCore.Hosting.GenericWebHostService";

    private static IHostedService Create(IServiceProvider services, ServiceDescriptor descriptor) =>
        (IHostedService)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));

    private sealed class Timed(IHostedService inner, ILogger logger) : IHostedLifecycleService
    {
        private IHostedLifecycleService? Lifecycle => inner as IHostedLifecycleService;

        public Task StartAsync(CancellationToken cancellationToken) => inner.StartAsync(cancellationToken);

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            var stopping = System.Diagnostics.Stopwatch.StartNew();
            logger.LogInformation("Stopping {Service}", inner.GetType().Name);
            try
            {
                await inner.StopAsync(cancellationToken);
            }
            finally
            {
                logger.LogInformation("Stopped {Service} in {Milliseconds} ms", inner.GetType().Name, stopping.ElapsedMilliseconds);
            }
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Lifecycle?.StartingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Lifecycle?.StartedAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppingAsync(CancellationToken cancellationToken) => Lifecycle?.StoppingAsync(cancellationToken) ?? Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Lifecycle?.StoppedAsync(cancellationToken) ?? Task.CompletedTask;
    }
}
