using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// <c>/open/v1/tourism</c> from real counts sent through the ingest API: each tourist point's crowding and coarse
/// share of capacity (never its head count), the walking streets' hours and state, ETag and CORS as elsewhere.
/// </summary>
public class OpenTourismTests : SqliteHostFixture
{
    private const string Pagoda = "vc-chua-tran-quoc"; // capacity 800

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Tourism()
    {
        using var anonymous = Host.Anonymous();
        using var response = await anonymous.GetAsync("/open/v1/tourism");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("licence").GetString(), Does.Contain("CC BY"));
        return body.GetProperty("data");
    }

    private static JsonElement Point(JsonElement data, string id) =>
        data.GetProperty("points").EnumerateArray().Single(p => p.GetProperty("place").GetProperty("id").GetString() == id);

    [Test]
    public async Task Tourism_AnOvercrowdedPagoda_ShowsItsLevelAndShare_NotItsHeadCount()
    {
        var now = DateTimeOffset.UtcNow;
        await Ingest(
            Json.Reading(Pagoda, now.AddMinutes(-30), new { entries = 95.0, present = 610.0 }),
            Json.Reading(Pagoda, now, new { entries = 121.0, present = 883.0 }),
            Json.Reading("vc-van-mieu", now, new { entries = 40.0, present = 1_530.0 }));

        var data = await Eventually.Until(Tourism, d => Point(d, Pagoda).TryGetProperty("crowding", out var c) && c.GetString() == "overcrowded"
            && Point(d, "vc-van-mieu").TryGetProperty("crowding", out _), "the pagoda overcrowded and the temple counted");

        Assert.That(data.GetProperty("points").GetArrayLength(), Is.EqualTo(8));
        var pagoda = Point(data, Pagoda);
        Assert.That(pagoda.GetProperty("capacityPct").GetInt32(), Is.EqualTo(110), "883 of 800 is 110.4 %, shown in steps of 5");
        Assert.That(pagoda.GetProperty("visitorsPerHour").GetInt32(), Is.EqualTo(220), "95 + 121 in the hour, to the nearest 10");
        Assert.That(pagoda.GetProperty("place").GetProperty("name").GetString(), Is.EqualTo("Đếm khách chùa Trấn Quốc"));
        Assert.That(pagoda.GetProperty("freshness").GetProperty("stale").GetBoolean(), Is.False);
        var temple = Point(data, "vc-van-mieu");
        Assert.That((temple.GetProperty("crowding").GetString(), temple.GetProperty("capacityPct").GetInt32()), Is.EqualTo(("busy", 50)),
            "1,530 of 3,000 is 51 %: busy from half");
        var fields = data.GetProperty("points").EnumerateArray().SelectMany(p => p.EnumerateObject().Select(f => f.Name)).ToHashSet();
        Assert.That(fields, Is.SubsetOf(new[] { "place", "freshness", "crowding", "capacityPct", "visitorsPerHour" }));
        Assert.That(data.GetRawText(), Does.Not.Contain("883").And.Not.Contain("1530"), "no head count");

        var silent = Point(data, "vc-cau-long-bien");
        Assert.That((silent.TryGetProperty("crowding", out _), silent.TryGetProperty("visitorsPerHour", out _)), Is.EqualTo((false, false)), "no figures before the first count");
        Assert.That(silent.GetProperty("freshness").GetProperty("stale").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Tourism_WalkingStreets_CarryTheirHours_AndWhetherTheyAreOpenNow()
    {
        var catalog = Host.Services.GetRequiredService<CityCatalog>();
        var lake = catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom");
        var before = DateTimeOffset.UtcNow;
        var data = await Tourism();
        var after = DateTimeOffset.UtcNow;

        var streets = data.GetProperty("walkingStreets");
        Assert.That(streets.GetArrayLength(), Is.EqualTo(catalog.WalkingStreets.Count));
        var street = streets.EnumerateArray().Single(w => w.GetProperty("id").GetString() == "ws-ho-guom");
        Assert.That(street.GetProperty("name").GetString(), Is.EqualTo("Không gian đi bộ hồ Hoàn Kiếm"));
        Assert.That(street.GetProperty("streets").EnumerateArray().Select(s => s.GetString()), Does.Contain("Đinh Tiên Hoàng"));
        Assert.That(street.GetProperty("path").GetArrayLength(), Is.EqualTo(lake.Path.Count));
        var hours = street.GetProperty("hours").EnumerateArray().Single();
        Assert.That((hours.GetProperty("opens").GetString(), hours.GetProperty("closes").GetString()), Is.EqualTo(("friday 19:00", "sunday 24:00")));
        // The answer may have been made a moment before or after a boundary: either moment's state will do.
        var open = street.GetProperty("openNow").GetBoolean();
        var next = street.GetProperty("nextChange").GetDateTimeOffset();
        Assert.That(new[] { (WalkingHours.IsOpen(lake, before), WalkingHours.NextChange(lake, before)), (WalkingHours.IsOpen(lake, after), WalkingHours.NextChange(lake, after)) },
            Does.Contain((open, (DateTimeOffset?)next)));
        Assert.That(street.GetProperty("nextChange").GetString(), Does.EndWith("+07:00"), "in city time");
    }

    [Test]
    public async Task Tourism_AnswersWithAnETag_304_AndToAnyOrigin()
    {
        using var anonymous = Host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/open/v1/tourism");
        request.Headers.Add("Origin", "https://du-lich.example");
        using var first = await anonymous.SendAsync(request);
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(first.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));
        Assert.That(first.Headers.CacheControl!.Public, Is.True);
        var etag = first.Headers.ETag!;

        // Another test may count people meanwhile: revalidate until the picture holds still for a moment.
        var status = await Eventually.Until(async () =>
        {
            using var again = new HttpRequestMessage(HttpMethod.Get, "/open/v1/tourism");
            using var fresh = await anonymous.GetAsync("/open/v1/tourism");
            again.Headers.IfNoneMatch.Add(fresh.Headers.ETag!);
            using var revalidated = await anonymous.SendAsync(again);
            return revalidated.StatusCode;
        }, s => s == HttpStatusCode.NotModified, "a 304 to an If-None-Match naming the current answer");
        Assert.That(status, Is.EqualTo(HttpStatusCode.NotModified));
        Assert.That(etag.IsWeak, Is.True);
    }
}
