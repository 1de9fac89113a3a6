using ControlCenter.Contracts.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Storage.Parking;

public static class LotDeskHistoryServices
{
    /// <summary>The lot desk history on the <see cref="CityDatabase"/> the host registers: the desks append, review reads.</summary>
    public static IServiceCollection AddLotDeskHistory(this IServiceCollection services)
    {
        services.AddSingleton<LotDeskHistory>();
        services.AddSingleton<ILotDeskHistory>(sp => sp.GetRequiredService<LotDeskHistory>());
        return services;
    }
}
