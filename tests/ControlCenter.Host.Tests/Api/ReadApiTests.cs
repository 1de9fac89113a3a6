using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Api;

/// <summary>Catalogue, entity, KPI and health endpoints on the embedded profile.</summary>
public class ReadApiTests : SqliteHostFixture
{

    [Test]
    public async Task Catalog_HasTheContractShape()
    {
        using var client = Host.CreateClient();
        var catalog = (await client.GetFromJsonAsync<JsonObject>("/api/v1/catalog"))!;
        var lots = catalog["parkingLots"]!.AsArray();
        Assert.That(lots, Has.Count.EqualTo(17));
        Assert.That(lots.Sum(l => (int)l!["capacity"]!), Is.EqualTo(248));
        var sensor = catalog["sensors"]!.AsArray().First(s => (string?)s!["kind"] == "traffic")!;
        foreach (var field in new[] { "id", "name", "nameEn", "lat", "lon", "zoneId", "kind", "parentId", "reportingIntervalSeconds", "metrics" })
            Assert.That(sensor.AsObject().ContainsKey(field), Is.True, field);
        Assert.That(catalog["zones"]!.AsArray().Select(z => (string?)z!["name"]), Does.Contain("Hoàn Kiếm"));
    }

    [Test]
    public async Task Entities_AnyKind_ReturnTheStateShape()
    {
        foreach (var (id, kind) in new[] { ("p-ltk-01", "parking-lot"), ("j-ltk-quan-su", "junction"), ("hoan-kiem", "zone"), ("city", "city"), ("aq-hang-dau", "air") })
        {
            var state = await Host.Entity(id);
            Assert.That((state.EntityId, state.Kind), Is.EqualTo((id, kind)));
            Assert.That(state.Status, Is.AnyOf("ok", "warning", "alert", "stale", "offline"));
        }

        var lot = await Host.Entity("p-ltk-01");
        Assert.That(lot.Derived.Keys, Is.SupersetOf(new[] { "capacity", "occupied", "free", "occupancy" }));
    }

    [Test]
    public async Task Kpi_HasTheTilesOfTheWall()
    {
        using var client = Host.CreateClient();
        var kpi = (await client.GetFromJsonAsync<KpiSnapshot>("/api/v1/kpi", Json.Options))!;
        var tiles = kpi.Tiles.ToDictionary(t => t.Id);
        Assert.That(tiles.Keys, Is.SupersetOf(new[] { "free-spaces", "worst-aqi", "west-lake-do", "max-rain-1h", "flooded-points", "jammed-junctions" }));
        Assert.That(tiles["free-spaces"].Of, Is.EqualTo(248));
    }

    [Test]
    public async Task Health_LiveAndReady_Answer200()
    {
        using var client = Host.CreateClient();
        Assert.That((await client.GetAsync("/health/live")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await client.GetAsync("/health/ready")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
