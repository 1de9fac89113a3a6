using ControlCenter.Domain.Air;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Grains.Hosting;

public static class CityModelServices
{
    /// <summary>Registers what the grains read: the catalogue, the threshold packs and the city's clock.</summary>
    public static IServiceCollection AddCityModel(
        this IServiceCollection services, CityCatalog catalog, ThresholdPacks packs, TimeProvider clock,
        Action<CityModelOptions>? configure = null)
    {
        services.AddSingleton(catalog);
        services.AddSingleton(new ThresholdSource(packs));
        services.AddSingleton(new CityClock(clock));
        services.AddSingleton<Sensors.SensorDerivation>();
        services.AddOptions<CityModelOptions>().Configure(o => configure?.Invoke(o));
        return services;
    }
}
