using ControlCenter.Domain.Air;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Domain.Parking;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ControlCenter.Grains.Hosting;

public static class CityModelServices
{
    /// <summary>Registers what the grains read: the catalogue, the threshold packs, the city's clock and the parking tariffs.</summary>
    public static IServiceCollection AddCityModel(
        this IServiceCollection services, CityCatalog catalog, ThresholdPacks packs, TimeProvider clock,
        Action<CityModelOptions>? configure = null)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(new ThresholdSource(packs));
        services.AddSingleton(new CityClock(clock));
        services.AddSingleton<Sensors.SensorDerivation>();
        services.AddSingleton<Feed.FeedPublisher>();
        services.AddHostedService(sp => sp.GetRequiredService<Feed.FeedPublisher>());
        services.AddOptions<CityModelOptions>().Configure(o => configure?.Invoke(o));
        // The parking services: the example tariff and default settings unless the host configures its own.
        services.TryAddSingleton(TariffBook.Example);
        services.AddOptions<Parking.ParkingOptions>();
        return services;
    }
}
