using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Parking;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Parking;

/// <summary>Operators set tariffs per lot in a file; a mistake in it stops the start with the reason.</summary>
public class TariffFileTests
{
    private static readonly CityCatalog Catalog = CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json"));

    private static JsonObject Band(string name, string start, string end, long first, long perHour) => new()
    {
        ["name"] = name, ["start"] = start, ["end"] = end, ["firstBlockVnd"] = first, ["firstBlockMinutes"] = 60, ["perHourVnd"] = perHour,
    };

    private static JsonObject Vehicles(long dayFirst) => new()
    {
        ["motorbike"] = new JsonObject { ["dailyCapVnd"] = 40_000, ["bands"] = new JsonArray(Band("day", "06:00", "18:00", 4_000, 2_000), Band("night", "18:00", "06:00", 6_000, 3_000)) },
        ["car"] = new JsonObject { ["dailyCapVnd"] = 250_000, ["bands"] = new JsonArray(Band("day", "06:00", "22:00", dayFirst, 15_000), Band("night", "22:00", "06:00", 20_000, 10_000)) },
        ["large"] = new JsonObject { ["dailyCapVnd"] = 400_000, ["bands"] = new JsonArray(Band("day", "06:00", "22:00", 45_000, 30_000), Band("night", "22:00", "06:00", 35_000, 20_000)) },
    };

    private static JsonObject Document() => new()
    {
        ["tariffs"] = new JsonArray(
            new JsonObject { ["id"] = "pho-co-2027", ["example"] = false, ["vehicles"] = Vehicles(25_000) },
            new JsonObject { ["id"] = "ly-thuong-kiet-2027", ["example"] = false, ["vehicles"] = Vehicles(35_000) }),
        ["default"] = "pho-co-2027",
        ["lots"] = new JsonObject { ["p-ltk-04"] = "ly-thuong-kiet-2027" },
    };

    [Test]
    public void AValidFile_GivesEachLotItsTariff()
    {
        var book = TariffFile.Parse(Document().ToJsonString(), Catalog);
        Assert.That((book.For("p-ltk-04").Id, book.For("p-thd-01").Id, book.Default.Example), Is.EqualTo(("ly-thuong-kiet-2027", "pho-co-2027", false)));
    }

    [TestCase("missing-default", "the default tariff")]
    [TestCase("unknown-lot", "not in the catalogue")]
    [TestCase("unknown-tariff", "not defined")]
    [TestCase("gap", "covered by 0 bands")]
    [TestCase("unknown-field", "could not be mapped")]
    [TestCase("odd-vehicle", "vehicle type 'tank'")]
    [TestCase("duplicate", "unique")]
    [TestCase("negative", "0 or more")]
    [TestCase("empty-band", "bands not empty")]
    [TestCase("missing-price", "perHourVnd")]
    [TestCase("null-vehicle", "needs its bands")]
    public void AMistake_IsRefusedWithTheReason(string mistake, string reason)
    {
        var document = Document();
        var first = document["tariffs"]![0]!.AsObject();
        switch (mistake)
        {
            case "missing-default": document["default"] = "nowhere"; break;
            case "unknown-lot": document["lots"]!["p-nowhere"] = "pho-co-2027"; break;
            case "unknown-tariff": document["lots"]!["p-ltk-01"] = "nowhere"; break;
            case "gap": first["vehicles"]!["car"]!["bands"]![1]!["end"] = "05:00"; break;
            case "unknown-field": first["colour"] = "red"; break;
            case "odd-vehicle": first["vehicles"]!["tank"] = first["vehicles"]!["car"]!.DeepClone(); break;
            case "duplicate": document["tariffs"]![1]!["id"] = "pho-co-2027"; break;
            case "negative": first["vehicles"]!["car"]!["bands"]![0]!["perHourVnd"] = -1; break;
            case "missing-price": first["vehicles"]!["car"]!["bands"]![0]!.AsObject().Remove("perHourVnd"); break;
            case "null-vehicle": first["vehicles"]!["car"] = null; break;
            case "empty-band": first["vehicles"]!["motorbike"]!["bands"] = new JsonArray(Band("all-day", "00:00", "00:00", 4_000, 2_000)); break;
        }

        var error = Assert.Catch(() => TariffFile.Parse(document.ToJsonString(), Catalog));
        Assert.That(error!.Message, Does.Contain(reason));
    }

    [Test]
    public async Task TheHost_PricesSearchByTheLotsTariff()
    {
        using var data = new TempDirectory();
        var document = Document();
        var path = Path.Combine(data.Path, "tariffs.json");
        await File.WriteAllTextAsync(path, document.ToJsonString());
        await using var host = CityHost.OnSqlite(data.Path, ("Parking:TariffFile", path));
        await host.WaitUntilReady();
        using var gateway = host.Ingester();
        using (var r = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("pg-ltk-04", DateTimeOffset.UtcNow, new { occupiedCount = 1 }))))
            r.EnsureSuccessStatusCode();
        using var client = host.CreateClient();
        var result = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>("/api/v1/parking/search?lat=21.023262&lon=105.851256&radiusM=10"),
            r => r.GetProperty("lots").GetArrayLength() == 1, "the lot to be offered");
        var price = result.GetProperty("lots")[0].GetProperty("priceNow");
        Assert.That((price.GetProperty("tariffId").GetString(), price.GetProperty("exampleTariff").GetBoolean()), Is.EqualTo(("ly-thuong-kiet-2027", false)));
    }

    [Test]
    public void TheHost_WithABrokenFile_DoesNotStart()
    {
        using var data = new TempDirectory();
        var path = Path.Combine(data.Path, "tariffs.json");
        File.WriteAllText(path, "{ \"tariffs\": [] , \"default\": \"x\" }");
        using var host = CityHost.OnSqlite(data.Path, ("Parking:TariffFile", path));
        var error = Assert.Catch(() => host.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Tariff file").And.Contain("at least one tariff"));
    }
}
