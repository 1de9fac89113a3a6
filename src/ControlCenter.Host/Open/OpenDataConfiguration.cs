namespace ControlCenter.Host.Open;

public static class OpenDataConfiguration
{
    /// <summary>The public surface: its in-memory picture of the city, views, history, and the crowd protections.</summary>
    public static WebApplicationBuilder AddOpenData(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenSurface(builder.Configuration);
        builder.Services.AddOpenContract();
        builder.Services.AddSingleton<OpenViews>();
        builder.Services.AddSingleton<OpenHistory>();
        builder.Services.AddSingleton<RainDayTotals>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RainDayTotals>());
        return builder;
    }
}
