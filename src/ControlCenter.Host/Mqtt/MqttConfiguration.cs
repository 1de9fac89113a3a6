using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Mqtt;

public static class MqttConfiguration
{
    /// <summary>The broker inside the host (unless <c>Mqtt:Enabled</c> is false): readings in, live state out.</summary>
    public static WebApplicationBuilder AddMqtt(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<MqttOptions>(builder.Configuration.GetSection(MqttOptions.Section));
        builder.Services.AddSingleton<MqttMetrics>();
        var options = builder.Configuration.GetSection(MqttOptions.Section).Get<MqttOptions>() ?? new MqttOptions();
        if (!options.Enabled) return builder;

        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<MqttOptions>>().Value);
        builder.Services.AddSingleton<GuardedTcpAdapter>();
        builder.Services.AddSingleton<MqttGate>();
        builder.Services.AddSingleton<MqttKeyRates>();
        builder.Services.AddSingleton<MqttReadingIngest>();
        builder.Services.AddSingleton<MqttBroker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MqttBroker>());
        builder.Services.AddHostedService<MqttStateRelay>();
        return builder;
    }
}
