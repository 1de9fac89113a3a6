using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>Two silos on one machine sharing PostgreSQL (clustering, grain storage, reminders).</summary>
public class TwoSiloTests
{
    [Test]
    public async Task StopOneSilo_ItsGrainsComeBackOnTheOtherWithState()
    {
        await using var database = await PostgresDatabase.Create();
        var siloA = CityHost.OnPostgreSql(database.ConnectionString);
        var siloB = CityHost.OnPostgreSql(database.ConnectionString);
        try
        {
            await siloA.WaitUntilReady();
            await siloB.WaitUntilReady();
            await Eventually.Until(() => ActiveSilos(siloA), n => n == 2, "both silos to be active in the cluster");

            var ts = DateTimeOffset.UtcNow.AddSeconds(-5);
            var sensors = Enumerable.Range(1, 15).Select(i => $"ps-thd-01-{i:00}").ToArray();
            using (var client = siloB.Ingester())
            {
                var response = await client.PostAsJsonAsync("/api/v1/readings",
                    Json.Batch(sensors.Select(s => (object)Json.Reading(s, ts, new { occupied = 1 })).ToArray()));
                Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
            }

            // Stop whichever silo hosts the sensor grains we wrote; the other must bring them back from storage.
            var onA = await SensorsActivatedOn(siloA, sensors);
            var onB = await SensorsActivatedOn(siloB, sensors);
            var (victim, survivor, moved) = onA.Count >= onB.Count ? (siloA, siloB, onA) : (siloB, siloA, onB);
            Assert.That(moved, Is.Not.Empty, "the written sensor grains are active on one of the silos");

            await victim.DisposeAsync();
            await Eventually.Until(() => ActiveSilos(survivor), n => n == 1, "the surviving silo to see the other one gone", TimeSpan.FromSeconds(60));

            foreach (var id in moved)
            {
                var state = await survivor.Entity(id);
                Assert.That((state.Version, state.Values["occupied"]), Is.EqualTo((1L, 1.0)), $"{id} came back on the other silo with its state");
            }

            Assert.That(await SensorsActivatedOn(survivor, moved.ToArray()), Is.EquivalentTo(moved), "the grains now live on the survivor");
        }
        finally
        {
            await siloA.DisposeAsync();
            await siloB.DisposeAsync();
        }
    }

    [Test]
    public async Task FeedSubscriberOnOneSilo_GetsChangesOfGrainsOnTheOther()
    {
        await using var database = await PostgresDatabase.Create();
        // B starts first and activates the whole city model, so the grains live on B. Neither runs the MQTT broker: its
        // relay reads every entity at start, which would place grains on whichever silo reads first.
        await using var siloB = CityHost.OnPostgreSql(database.ConnectionString, ("Mqtt:Enabled", "false"));
        await siloB.WaitUntilReady();
        await using var siloA = CityHost.OnPostgreSql(database.ConnectionString, ("Mqtt:Enabled", "false")).WithKestrel();
        await siloA.WaitUntilReady();
        await Eventually.Until(() => ActiveSilos(siloA), n => n == 2, "both silos to be active in the cluster");

        await using var subscriber = await FeedClient.Connect(siloA.ServerAddress);
        await subscriber.Subscribe("entity:rg-long-bien");
        Assert.That(await SensorsActivatedOn(siloB, ["rg-long-bien"]), Is.EqualTo(new[] { "rg-long-bien" }), "the gauge's grain lives on silo B");

        using var client = siloA.Ingester();
        var response = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-long-bien", DateTimeOffset.UtcNow, new { rainMm = 7.5 })));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));

        var states = await Eventually.Until(() => Task.FromResult(subscriber.StatesOf("rg-long-bien")), s => s.Count > 0,
            "silo A's subscriber to receive the change made on silo B");
        Assert.That(states[^1].GetProperty("values").GetProperty("rainMm").GetDouble(), Is.EqualTo(7.5));
    }

    private static async Task<int> ActiveSilos(CityHost silo) =>
        (await silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;

    private static async Task<List<string>> SensorsActivatedOn(CityHost silo, string[] sensors)
    {
        var here = silo.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
        var management = silo.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0);
        var stats = await management.GetDetailedGrainStatistics(hostsIds: [here]);
        var active = stats.Select(s => s.GrainId.Key.ToString()).ToHashSet(StringComparer.Ordinal);
        return sensors.Where(active.Contains).ToList();
    }
}
