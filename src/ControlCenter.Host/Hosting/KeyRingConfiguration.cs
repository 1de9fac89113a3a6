using ControlCenter.Storage;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;

namespace ControlCenter.Host.Hosting;

public static class KeyRingConfiguration
{
    /// <summary>
    /// Fixed, so that every silo derives the same purposes from it: by default ASP.NET Core uses the content root path,
    /// which differs between installations.
    /// </summary>
    public const string ApplicationName = "ControlCenter";

    /// <summary>
    /// The data-protection key ring (login cookies, antiforgery tokens) in the city database, shared by every silo and
    /// kept across restarts (docs/security.md). Call after the schema initializer is registered: hosted services start in
    /// order, and the key ring's table must exist before it is first read.
    /// </summary>
    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        // Registered before AddDataProtection adds its own start-up read, so the first read happens here, under the lock.
        services.AddHostedService<KeyRingWarmup>();
        services.AddDataProtection().SetApplicationName(ApplicationName);
        services.AddOptions<KeyManagementOptions>()
            .Configure<CityDatabase>((o, database) => o.XmlRepository = new DatabaseXmlRepository(database, TimeProvider.System));
        return services;
    }
}
