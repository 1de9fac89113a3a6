using System.Text.Json.Serialization;

namespace ControlCenter.Host.Hosting;

public static class ApiConfiguration
{
    /// <summary>JSON shape, problem details, warm-up and the start-up banner (limits and health: <see cref="ServiceDefaults"/>).</summary>
    public static WebApplicationBuilder AddCityApi(this WebApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<CityWarmup>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CityWarmup>());
        builder.Services.AddHostedService<StartupBanner>();
        return builder;
    }
}
