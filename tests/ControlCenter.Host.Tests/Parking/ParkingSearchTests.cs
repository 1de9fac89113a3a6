using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Parking;

/// <summary>
/// Search for free spaces near a point: nearest first, within the radius, never offering a full, closed,
/// flooded or silent lot as free; operators close and reopen lots.
/// </summary>
public class ParkingSearchTests : SqliteHostFixture
{
    // p-ltk-04 (gate, 18 spaces) is the origin; p-thd-04 (gate, 16) is about 235 m south; p-ltk-07 (gate, 17) about 340 m east.
    private const string Origin = "lat=21.023262&lon=105.851256";

    [OneTimeSetUp]
    public async Task Occupy()
    {
        await Host.CountAtGates(DateTimeOffset.UtcNow, ("p-ltk-04", 10), ("p-thd-04", 4), ("p-ltk-07", 17));
    }

    private async Task<JsonElement> Search(string query)
    {
        using var client = Host.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>("/api/v1/parking/search?" + query);
    }

    private static List<string> Ids(JsonElement result) => [.. result.GetProperty("lots").EnumerateArray().Select(l => l.GetProperty("lotId").GetString()!)];

    [Test]
    public async Task Search_OffersLotsWithFreeSpaces_NearestFirst_WithThePriceNow()
    {
        var result = await Search(Origin + "&radiusM=500&vehicleType=car");
        Assert.That(Ids(result), Is.EqualTo(new[] { "p-ltk-04", "p-thd-04" }), "the full lot and the lots without data are not offered");
        var first = result.GetProperty("lots")[0];
        Assert.That((first.GetProperty("free").GetInt32(), first.GetProperty("distanceM").GetDouble()), Is.EqualTo((8, 0.0)));
        var price = first.GetProperty("priceNow");
        Assert.That(price.GetProperty("perHourVnd").GetInt64(), Is.AnyOf(20_000L, 25_000L));
        Assert.That(price.GetProperty("exampleTariff").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Search_RadiusLimitsTheLots()
    {
        Assert.That(Ids(await Search(Origin + "&radiusM=100")), Is.EqualTo(new[] { "p-ltk-04" }));
    }

    [Test]
    public async Task Search_WithIncludeUnavailable_FlagsWhyALotIsNotOffered()
    {
        var lots = (await Search(Origin + "&radiusM=500&includeUnavailable=true")).GetProperty("lots").EnumerateArray()
            .ToDictionary(l => l.GetProperty("lotId").GetString()!, l => l);
        Assert.That(lots["p-ltk-07"].GetProperty("notOfferedBecause").GetString(), Is.EqualTo("full"));
        Assert.That(lots["p-ltk-07"].GetProperty("free").GetInt32(), Is.Zero);
        Assert.That(lots.Values.Where(l => !l.GetProperty("offered").GetBoolean()).Select(l => l.GetProperty("notOfferedBecause").GetString()),
            Does.Contain("no-data"), "spot lots whose sensors never reported are not guessed free");
    }

    [Test]
    public async Task ClosedByAnOperator_IsNotOffered_UntilReopened_AndBothAreAudited()
    {
        using var op = await Host.SignedIn("operator");
        using (var closed = await op.PostAsJsonAsync("/api/v1/parking/lots/p-thd-04/close", new { reason = "sửa mặt đường" }))
            Assert.That(closed.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.Until(() => Search(Origin + "&radiusM=500"), r => !Ids(r).Contains("p-thd-04"), "the closed lot to leave the results");
        var flagged = (await Search(Origin + "&radiusM=500&includeUnavailable=true")).GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotId").GetString() == "p-thd-04");
        Assert.That(flagged.GetProperty("notOfferedBecause").GetString(), Is.EqualTo("closed"));
        Assert.That((await Host.Entity("p-thd-04")).Derived["closedReason"]?.ToString(), Is.EqualTo("sửa mặt đường"));

        using (var reopened = await op.PostAsync("/api/v1/parking/lots/p-thd-04/reopen", null))
            Assert.That(reopened.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        await Eventually.Until(() => Search(Origin + "&radiusM=500"), r => Ids(r).Contains("p-thd-04"), "the reopened lot to be offered again");
        using var admin = await Host.SignedIn("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.That(audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()), Does.Contain("lot-closed").And.Contain("lot-reopened"));
    }

    [Test]
    public async Task FloodedLot_IsNotOffered()
    {
        var catalog = Host.Services.GetRequiredService<CityCatalog>();
        var now = DateTimeOffset.UtcNow;
        var spots = catalog.SensorsOf("p-ltk-01").Select(s => Json.Reading(s.Id, now, new { occupied = 0 })).ToArray();
        using var gateway = Host.Ingester();
        using (var r = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(spots))) Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        const string nearLot1 = "lat=21.024145&lon=105.848002&radiusM=50";
        await Eventually.Until(() => Search(nearLot1), r => Ids(r).Contains("p-ltk-01"), "the empty lot to be offered");

        using (var r = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-ly-thuong-kiet", now, new { depthCm = 28 }))))
            Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        await Eventually.Until(() => Search(nearLot1), r => !Ids(r).Contains("p-ltk-01"), "the flooded lot to leave the results");
        var flagged = (await Search(nearLot1 + "&includeUnavailable=true")).GetProperty("lots")[0];
        Assert.That(flagged.GetProperty("notOfferedBecause").GetString(), Is.EqualTo("flood"));
    }

    [TestCase("")]
    [TestCase("lat=21.02")]
    [TestCase("lat=abc&lon=105.85")]
    [TestCase("lat=91&lon=105.85")]
    [TestCase("lat=NaN&lon=105.85")]
    [TestCase(Origin + "&radiusM=0")]
    [TestCase(Origin + "&radiusM=50000")]
    [TestCase(Origin + "&vehicleType=tank")]
    public async Task Search_InvalidQuery_Is400(string query)
    {
        using var client = Host.CreateClient();
        using var response = await client.GetAsync("/api/v1/parking/search?" + query);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task CloseAndReopen_AreForOperators_WithAReason_OnKnownLots()
    {
        using var responder = await Host.SignedIn("responder");
        using (var r = await responder.PostAsJsonAsync("/api/v1/parking/lots/p-ltk-04/close", new { reason = "x" })) Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var op = await Host.SignedIn("operator");
        using (var r = await op.PostAsJsonAsync("/api/v1/parking/lots/p-ltk-04/close", new { reason = " " })) Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var r = await op.PostAsJsonAsync("/api/v1/parking/lots/p-nowhere/close", new { reason = "x" })) Assert.That(r.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using var admin = await Host.SignedIn("admin");
        var audit = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit");
        Assert.That(audit.EnumerateArray().Where(e => e.GetProperty("action").GetString() == "lot-closed")
            .Select(e => e.TryGetProperty("target", out var t) ? t.GetString() : null), Has.None.EqualTo("p-ltk-04"), "no refused close was carried out");
    }
}
