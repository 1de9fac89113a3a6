using ControlCenter.Contracts.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Storage.Log;

public static class ReadingLogServices
{
    /// <summary>
    /// The readings log on the <see cref="CityDatabase"/> the host registers: its group-commit writer, the batched
    /// replay reader, history queries and the record of the past. (The retention pass, <see cref="HistoryRetention"/>, the host adds.)
    /// </summary>
    public static IServiceCollection AddReadingLog(this IServiceCollection services)
    {
        services.AddSingleton<ReadingLogWriter>();
        services.AddSingleton<ReadingLogReader>();
        services.AddSingleton<IReadingLog, ReadingLog>();
        services.AddSingleton<ReadingHistory>();
        services.AddSingleton<ReadingRecord>();
        return services;
    }
}
