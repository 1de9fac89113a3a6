using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Domain;
using ControlCenter.Host.Open;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// While a driver's session, a held space and an annotated, acknowledged, published alert exist, every public
/// address — each endpoint under /open with each id it takes, and the portal — is read anonymously, and none of
/// it holds a plate, a session, a note, a procedure step or a person's name — nor a tourist point's head count
/// (only its level and a coarse share of capacity are public). The walk finds endpoints from the route table, so a
/// new public endpoint is covered without touching this test.
/// </summary>
public class PublicSurfacePrivacyTests : SqliteHostFixture
{
    private const string Plate = "29K-987.65";
    private const string HeldPlate = "30H-246.80";
    private const string Note = "Gọi anh Tuấn 0987654321 ở đội phản ứng";
    private const string Resolution = "tạm đóng nắp cống";

    private readonly List<string> _secrets =
    [
        Plate, HeldPlate, "987.65", "246.80", Note, "0987654321", Resolution, "responder", "operator", "admin", "sessionsOpen", "revenue", "paidToday", "held",
        "\"present\"", "\"entries\"", "crowdingRatio",
    ];
    private string _alertId = null!;

    [OneTimeSetUp]
    public async Task MakePrivateThings()
    {
        await Host.CountAtGates(DateTimeOffset.UtcNow, ("p-ltk-04", 3));
        using (var gateway = Host.Ingester())
        {
            using var counted = await gateway.PostAsJsonAsync("/api/v1/readings",
                Json.Batch(Json.Reading("vc-van-mieu", DateTimeOffset.UtcNow, new { entries = 57.0, present = 2_468.0 })));
            Assert.That(counted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        using var app = ParkingApp.For(Host);
        using (var started = await app.StartSession("p-ltk-04", Plate, "car"))
        {
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
            _secrets.Add((await ParkingApp.Body(started)).GetProperty("sessionId").GetString()!);
        }

        using (var held = await app.Hold("p-ltk-04", HeldPlate))
            Assert.That(held.StatusCode, Is.EqualTo(HttpStatusCode.Created), await held.Content.ReadAsStringAsync());

        using var op = await Host.SignedIn("operator");
        using (var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Ngập hầm chui Kim Liên", severity = "critical", zoneId = "dong-da", note = Note }))
            _alertId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        using var responder = await Host.SignedIn("responder");
        (await responder.PostAsJsonAsync($"/api/v1/alerts/{_alertId}/acknowledge", new { note = Note })).EnsureSuccessStatusCode();
        (await responder.PostAsJsonAsync($"/api/v1/alerts/{_alertId}/notes", new { text = Note })).EnsureSuccessStatusCode();
        (await responder.PostAsJsonAsync($"/api/v1/alerts/{_alertId}/sop/1", new { done = true })).EnsureSuccessStatusCode();
        (await op.PostAsJsonAsync($"/api/v1/alerts/{_alertId}/public-warning", new
        {
            title = "Ngập hầm chui Kim Liên", titleEn = "Kim Lien underpass flooded",
            text = "Không đi vào hầm chui Kim Liên.", textEn = "Do not enter the Kim Lien underpass.",
        })).EnsureSuccessStatusCode();
        // A second, resolved one: ended warnings stay in the CAP feed for a day, with their resolution kept private.
        using (var created = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Đèn tín hiệu hỏng", severity = "minor", zoneId = "hoan-kiem", note = Note }))
        {
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            (await op.PostAsJsonAsync($"/api/v1/alerts/{id}/public-warning", new { title = "Đèn hỏng", titleEn = "Lights out", text = "Đi chậm.", textEn = "Drive slowly." })).EnsureSuccessStatusCode();
            (await op.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = Resolution })).EnsureSuccessStatusCode();
        }

        using var anonymous = Host.Anonymous();
        await Eventually.Until(() => anonymous.GetStringAsync("/open/v1/warnings"), body => body.Contains(_alertId, StringComparison.Ordinal), "the published warning on the public list");
        await Eventually.Until(() => anonymous.GetStringAsync("/open/v1/tourism"), body => body.Contains("\"crowded\"", StringComparison.Ordinal), "the temple's crowding on the public list");
    }

    private static readonly string[] NgsiTypes =
        ["AirQualityObserved", "WaterQualityObserved", "WeatherObserved", "OffStreetParking", "ParkingSpot", "TrafficFlowObserved", "FloodMonitoring"];

    /// <summary>Every GET under /open, with each route value filled from real ids, and the NGSI-LD types as queries.</summary>
    private IEnumerable<string> PublicAddresses()
    {
        var catalog = Host.Services.GetRequiredService<ControlCenter.Domain.Catalog.CityCatalog>();
        var sensorIds = new[] { "aq-hang-dau", "wq-ho-tay-trung-tam", "rg-hoan-kiem", "fl-phan-boi-chau", "vc-van-mieu" };
        var spot = catalog.Sensors.First(s => s.Kind == "parking-spot").Id;
        var traffic = catalog.Sensors.First(s => s.Kind == "traffic").Id;
        string[] plain = [.. sensorIds, "p-ltk-04", spot, traffic, _alertId];
        var ids = plain.Concat(NgsiTypes.SelectMany(type => plain.Select(id => $"urn:ngsi-ld:{type}:{id}"))).ToList();
        var today = CityTime.Local(DateTimeOffset.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var patterns = Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<OpenDataEndpoint>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct();
        foreach (var pattern in patterns)
        {
            var filled = pattern.Contains("{id}", StringComparison.Ordinal) ? ids.Select(id => pattern.Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal)) : [pattern];
            foreach (var path in filled.Select(p => p.Replace("{date}", today, StringComparison.Ordinal)))
            {
                yield return path;
                if (path.EndsWith("/entities", StringComparison.Ordinal))
                {
                    foreach (var type in NgsiTypes)
                    {
                        yield return $"{path}?type={type}";
                        yield return $"{path}?type={type}&options=keyValues";
                    }
                }
            }
        }

        yield return OpenSurface.PortalPath;
    }

    [Test]
    public async Task NothingPrivate_AnywhereOnThePublicSurface()
    {
        using var anonymous = Host.Anonymous();
        var read = 0;
        var addresses = PublicAddresses().ToList();
        foreach (var path in addresses)
        {
            using var response = await anonymous.GetAsync(path);
            Assert.That((int)response.StatusCode, Is.LessThan(500), path);
            if (response.StatusCode != HttpStatusCode.OK) continue;
            read++;
            var body = await response.Content.ReadAsStringAsync();
            foreach (var secret in _secrets)
                Assert.That(body, Does.Not.Contain(secret).IgnoreCase, $"{path} shows '{secret}'");
        }

        TestContext.Out.WriteLine($"{read} public answers of {addresses.Count} addresses read");
        Assert.That(read, Is.GreaterThanOrEqualTo(12), "the walk read the public surface (lists, station histories, warnings)");
        var warnings = await anonymous.GetStringAsync("/open/v1/warnings");
        Assert.That(warnings, Does.Contain("Kim Lien underpass"), "the public words are there, only they");
        Assert.That(await anonymous.GetStringAsync("/open/v1/tourism"), Does.Not.Contain("2468").And.Contain("\"capacityPct\":80"), "a share, not a head count");
    }
}
