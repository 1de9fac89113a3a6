using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.People;
using ControlCenter.Storage;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Hosting;

/// <summary>Prints where the control centre listens and, in Development, the seeded credentials; elsewhere logs it.</summary>
public sealed class StartupBanner(
    IServer server, IHostApplicationLifetime lifetime, IHostEnvironment environment, CityCatalog catalog,
    CityDatabase database, IOptions<IngestKeyOptions> keys, IOptions<FeedTokenOptions> tokens, IOptions<PeopleOptions> people,
    IOptions<Mqtt.MqttOptions> mqtt, ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(Print);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Print()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "(no address)";
        // Outside Development the console is one JSON entry a line (Hosting/Telemetry.cs): the banner is one more entry.
        if (!environment.IsDevelopment())
        {
            logger.LogInformation("ControlCenter for {City}: {Sensors} sensors, listening on {Url} (storage: {Storage}, MQTT: {Mqtt})",
                catalog.City, catalog.Sensors.Count, url, database.Provider, mqtt.Value.Enabled ? $"{mqtt.Value.BindAddress}:{mqtt.Value.Port}" : "off");
            return;
        }

        Console.WriteLine();
        Console.WriteLine($"ControlCenter — {catalog.City}: {catalog.Sensors.Count} sensors, {catalog.ParkingLots.Count} lots "
            + $"({catalog.TotalParkingCapacity} spaces), {catalog.Junctions.Count} junctions, {catalog.Zones.Count} zones");
        Console.WriteLine($"  Listening on: {url}   (storage: {database.Provider})");
        Console.WriteLine($"  Catalogue:    {url}/api/v1/catalog");
        Console.WriteLine($"  City KPIs:    {url}/api/v1/kpi");
        Console.WriteLine($"  Live feed:    {url}{LiveHub.Path} (SignalR)");
        if (mqtt.Value.Enabled)
            Console.WriteLine($"  MQTT:         mqtt://{mqtt.Value.BindAddress}:{mqtt.Value.Port} (city/readings/{{sensorId}} in, city/state/# out)");
        foreach (var key in keys.Value.Keys) Console.WriteLine($"  Development ingest key '{key.Name}': {key.Key}");
        foreach (var token in tokens.Value.Tokens) Console.WriteLine($"  Development feed token '{token.Name}': {token.Token}");
        foreach (var user in people.Value.DevelopmentUsers) Console.WriteLine($"  Development user {user.Username} / {user.Password} ({user.Role})");

        Console.WriteLine();
    }
}
