using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// The NGSI-LD entities on a real host, after every sensor of the public domains has reported: each entity of
/// each type validates against its FIWARE Smart Data Models schema (key-values, and normalized once converted),
/// follows the live state, marks stale sensors, negotiates JSON-LD or JSON, answers ETags, refuses hostile
/// input with problem details, and never shows anything of a parking session.
/// </summary>
public partial class NgsiLdTests : SqliteHostFixture
{
    private const string Entities = "/open/ngsi-ld/v1/entities";
    private const string StaleStation = "aq-cau-dien";
    private const string FloodedPoint = "fl-tran-hung-dao";
    private const string JammedDetector = "td-ltk-quan-su-n";
    private const string SpotLot = "p-ltk-01";
    private const string GateLot = "p-ltk-04";
    private const string Plate = "30A-999.88";
    private const string HeldPlate = "29B-123.45";
    private const string SpotLotPlate = "51G-246.80";

    private static readonly string[] SchemaTypes =
        ["AirQualityObserved", "WaterQualityObserved", "WeatherObserved", "FloodMonitoring", "OffStreetParking", "ParkingSpot", "TrafficFlowObserved"];

    private readonly FiwareSchemas _schemas = new();
    private CityCatalog _catalog = null!;
    private DateTimeOffset _now;
    private string _occupiedSpot = "";
    private string _staleSpot = "";
    private ParkingApp _app = null!;

    /// <summary>The tests read many lists in a row from one (unknown) address: lift the per-client rate.</summary>
    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult(new[] { ("OpenData:RequestsPerSecondPerClient", "10000") });

    [OneTimeSetUp]
    public async Task EverySensorReports()
    {
        _catalog = Host.Services.GetRequiredService<CityCatalog>();
        _now = DateTimeOffset.UtcNow.AddSeconds(-5);
        var readings = new List<object>();
        var i = 0;
        foreach (var s in Of(SensorKinds.Air))
        {
            // The VN_AQI needs PM in 2 of the last 3 hours; the stale station last reported 20 min ago (3 intervals).
            var last = s.Id == StaleStation ? _now.AddMinutes(-20) : _now;
            var values = new { pm25 = 30.5 + i, pm10 = 55.0 + i, no2 = 40.2, o3 = 60.0, co = 900.0, so2 = 12.0, temperature = 27.5, humidity = 81.0 };
            readings.Add(Json.Reading(s.Id, last.AddHours(-1), values));
            readings.Add(Json.Reading(s.Id, last, values));
            i++;
        }

        foreach (var s in Of(SensorKinds.Water))
            readings.Add(Json.Reading(s.Id, _now, new { @do = 5.6, cod = 18.0, bod5 = 7.5, nh4 = 0.42, tss = 22.0, ph = 7.4, temperature = 24.0, turbidity = 14.0, coliform = 2300.0 }));
        foreach (var s in Of(SensorKinds.Rain))
        {
            readings.Add(Json.Reading(s.Id, _now.AddMinutes(-30), new { rainMm = 2.0 }));
            readings.Add(Json.Reading(s.Id, _now, new { rainMm = 3.5 }));
        }

        foreach (var s in Of(SensorKinds.Flood))
            readings.Add(Json.Reading(s.Id, _now, new { depthCm = s.Id == FloodedPoint ? 45.0 : 3.0 }));
        foreach (var s in Of(SensorKinds.Traffic))
            readings.Add(Json.Reading(s.Id, _now, new { volume = 42, speedKmh = s.Id == JammedDetector ? 4.0 : 30.0, occupancyPct = 35.0, queueM = 20.0 }));

        var spots = _catalog.SensorsOf(SpotLot).Where(s => s.Kind == SensorKinds.ParkingSpot).ToList();
        (_occupiedSpot, _staleSpot) = (spots[0].Id, spots[^1].Id);
        foreach (var spot in spots)
        {
            // Spot sensors report every minute: 5 min of silence is stale.
            var at = spot.Id == _staleSpot ? _now.AddMinutes(-5) : _now;
            readings.Add(Json.Reading(spot.Id, at, new { occupied = spot.Id == _occupiedSpot ? 1 : 0 }));
        }

        using (var gateway = Host.Ingester())
        using (var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch([.. readings])))
        {
            var body = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.That((int?)body?["accepted"], Is.EqualTo(readings.Count), body?.ToJsonString());
        }

        await Host.CountAtGates(_now, (GateLot, 10));
        await Eventually.Until(() => TryList("AirQualityObserved"), l => l is { Count: 10 } && l.All(e => e!["airQualityIndex"] is not null),
            "every air station to publish its AQI");
        await Eventually.Until(() => TryList("TrafficFlowObserved"), l => l?.Count == Of(SensorKinds.Traffic).Count, "every traffic detector to publish");
        await Eventually.Until(() => TryList("ParkingSpot"), l => l?.Count(e => (string?)e!["status"] == "free") == spots.Count - 2,
            "the spot lot's free spaces to publish");
        _app = ParkingApp.For(Host);
    }

    [OneTimeTearDown]
    public void CloseApp() => _app?.Dispose();

    [TestCaseSource(nameof(SchemaTypes))]
    public async Task KeyValues_EveryEntity_ValidatesAgainstItsSmartDataModel(string type)
    {
        var entities = await List(type, "keyValues");

        Assert.That(entities, Has.Count.EqualTo(ExpectedCount(type)), "one entity per catalogue item (observations once reported)");
        foreach (var entity in entities)
        {
            Assert.That((string?)entity!["id"], Does.StartWith($"urn:ngsi-ld:{type}:"));
            Assert.That(_schemas.Problems(type, entity), Is.Empty, entity.ToJsonString());
        }

        Assert.That(_schemas.Fetched, Is.Empty, "the schemas were built offline, nothing fetched");
    }

    [TestCaseSource(nameof(SchemaTypes))]
    public async Task Normalized_EveryAttribute_IsTypedAndConvertsToAValidEntity(string type)
    {
        var entities = await List(type);

        Assert.That(entities, Has.Count.EqualTo(ExpectedCount(type)));
        foreach (var entity in entities.Select(e => e!.AsObject()))
        {
            var keyValues = new JsonObject { ["id"] = entity["id"]!.DeepClone(), ["type"] = entity["type"]!.DeepClone() };
            foreach (var (name, attribute) in entity.Where(a => a.Key is not ("id" or "type" or "@context")))
            {
                Assert.That(attribute, Is.InstanceOf<JsonObject>(), $"{entity["id"]} {name}");
                var kind = (string?)attribute!["type"];
                Assert.That(kind, Is.AnyOf("Property", "GeoProperty", "Relationship"), $"{entity["id"]} {name}");
                var member = kind == "Relationship" ? "object" : "value";
                Assert.That(attribute[member], Is.Not.Null, $"{entity["id"]} {name} has its {member}");
                if (attribute["observedAt"] is { } observedAt) Assert.That((string?)observedAt, Does.Match(UtcTime().ToString()), $"{entity["id"]} {name}");
                keyValues[name] = attribute[member]!.DeepClone();
            }

            Assert.That(entity["location"]?["type"]?.GetValue<string>(), Is.EqualTo("GeoProperty"));
            Assert.That(_schemas.Problems(type, keyValues), Is.Empty, keyValues.ToJsonString());
        }
    }

    [Test]
    public async Task Entity_ByUrn_IsTheOneInTheList()
    {
        using var client = Host.Anonymous();
        var listed = (await List("AirQualityObserved", "keyValues")).Single(e => (string?)e!["id"] == "urn:ngsi-ld:AirQualityObserved:aq-hang-dau");

        var one = await client.GetFromJsonAsync<JsonObject>($"{Entities}/urn:ngsi-ld:AirQualityObserved:aq-hang-dau?options=keyValues");
        var escaped = await client.GetFromJsonAsync<JsonObject>($"{Entities}/urn%3Angsi-ld%3AAirQualityObserved%3Aaq-hang-dau?options=keyValues");

        Assert.That(JsonNode.DeepEquals(one, listed), Is.True, one!.ToJsonString());
        Assert.That(JsonNode.DeepEquals(escaped, listed), Is.True, "a percent-encoded URN names the same entity");
        var spot = await client.GetFromJsonAsync<JsonObject>($"{Entities}/urn:ngsi-ld:ParkingSpot:{_occupiedSpot}");
        Assert.That(spot!["refParkingSite"]!.ToJsonString(), Is.EqualTo($$"""{"type":"Relationship","object":"urn:ngsi-ld:OffStreetParking:{{SpotLot}}"}"""));
    }

    [Test]
    public async Task Attributes_FollowTheLiveState()
    {
        // Spot sensors go stale after 3 silent minutes (a slow run can take that long): report the lot's spots again,
        // all but the one kept stale, and wait for the lot's counts to be fresh.
        var now = DateTimeOffset.UtcNow;
        var again = _catalog.SensorsOf(SpotLot).Where(s => s.Kind == SensorKinds.ParkingSpot && s.Id != _staleSpot)
            .Select(s => Json.Reading(s.Id, now, new { occupied = s.Id == _occupiedSpot ? 1 : 0 })).ToArray();
        using (var gateway = Host.Ingester())
            (await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(again))).EnsureSuccessStatusCode();
        await Eventually.Until(() => TryOne("ParkingSpot", _occupiedSpot), s => (string?)s?["status"] == "occupied", "the occupied spot to publish");
        await Eventually.Until(() => One("OffStreetParking", SpotLot), l => l["availableSpotNumber"] is not null, "the lot's counts to be fresh");

        var air = await One("AirQualityObserved", "aq-hang-dau");
        var airState = await Host.Entity("aq-hang-dau");
        Assert.That((double?)air["pm25"], Is.EqualTo(airState.Values["pm25"]).Within(0.05));
        Assert.That((double?)air["relativeHumidity"], Is.EqualTo(0.81).Within(1e-9), "humidity as the model's 0–1 fraction");
        Assert.That((int?)air["airQualityIndex"], Is.EqualTo(airState.Figure("aqi")));
        Assert.That((string?)air["airQualityLevel"], Is.AnyOf("good", "moderate", "poor", "bad", "veryBad", "hazardous"));
        Assert.That((double?)air["reliability"], Is.EqualTo(1));
        Assert.That(DateTimeOffset.Parse((string)air["dateObserved"]!, CultureInfo.InvariantCulture), Is.EqualTo(airState.Ts!.Value).Within(TimeSpan.FromMilliseconds(1)));

        var water = await One("WaterQualityObserved", Of(SensorKinds.Water)[0].Id);
        Assert.That(((double?)water["O2"], (double?)water["bod"], (double?)water["NH4"], (double?)water["pH"]), Is.EqualTo(((double?)5.6, (double?)7.5, (double?)0.42, (double?)7.4)));
        Assert.That((string?)water["measurand"]![0], Is.EqualTo("coliform, 2300, MPN/100mL, Total coliforms"));

        var gauge = Of(SensorKinds.Rain)[0].Id;
        Assert.That((double?)(await One("WeatherObserved", gauge))["precipitation"],
            Is.EqualTo(double.Parse((await Host.Entity(gauge)).Derived["rain1hMm"]!.ToString()!, CultureInfo.InvariantCulture)).Within(0.05),
            "precipitation is the last hour's rain");

        var flood = await One("FloodMonitoring", FloodedPoint);
        Assert.That(((double?)flood["currentLevel"], (double?)flood["alertLevel"], (double?)flood["dangerLevel"], (string?)flood["floodLevelStatus"]),
            Is.EqualTo(((double?)45, (double?)20, (double?)40, "Danger")));

        var traffic = await One("TrafficFlowObserved", JammedDetector);
        Assert.That(((double?)traffic["intensity"], (double?)traffic["averageVehicleSpeed"], (double?)traffic["occupancy"], (bool?)traffic["congested"]),
            Is.EqualTo(((double?)42, (double?)4, (double?)0.35, (bool?)true)));

        var lot = await One("OffStreetParking", SpotLot);
        var lotState = await Host.Entity(SpotLot);
        Assert.That(((int?)lot["totalSpotNumber"], (long?)lot["availableSpotNumber"]), Is.EqualTo(((int?)16, (long?)lotState.Figure("free"))));
        Assert.That(lot["status"]![0]!.GetValue<string>(), Is.EqualTo("open"));
        Assert.That(lot["occupancyDetectionType"]![0]!.GetValue<string>(), Is.EqualTo("singleSpaceDetection"));
        Assert.That((await One("OffStreetParking", GateLot))["occupancyDetectionType"]![0]!.GetValue<string>(), Is.EqualTo("balancing"));
    }

    [Test]
    public async Task StaleSensors_ArePublishedWithTheirOldTime_AndMarked()
    {
        var station = await One("AirQualityObserved", StaleStation);
        Assert.That((double?)station["reliability"], Is.EqualTo(0.5), "a station that missed its reports is less reliable");
        Assert.That(DateTimeOffset.Parse((string)station["dateObserved"]!, CultureInfo.InvariantCulture), Is.LessThan(_now.AddMinutes(-19)));

        var spot = await One("ParkingSpot", _staleSpot);
        Assert.That((string?)spot["status"], Is.EqualTo("unknown"), "a silent spot sensor cannot say free or occupied");
    }

    [Test]
    public async Task Negotiation_JsonLdByDefault_JsonWithALinkOnRequest()
    {
        using var client = Host.Anonymous();
        var url = $"{Entities}?type=WeatherObserved";

        // Both orders, so that a cached answer in one media type is never served for the other.
        string[][] orders = [["application/ld+json", "application/json"], ["application/json", "application/ld+json"]];
        foreach (var order in orders)
        {
            foreach (var accept in order)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
                using var response = await client.SendAsync(request);
                var entities = (await response.Content.ReadFromJsonAsync<JsonArray>())!;
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo(accept));
                if (accept == "application/json")
                {
                    var link = string.Join(",", response.Headers.GetValues("Link"));
                    Assert.That(link, Does.Contain("<https://raw.githubusercontent.com/smart-data-models/dataModel.Weather/master/context.jsonld>")
                        .And.Contain("rel=\"http://www.w3.org/ns/json-ld#context\"").And.Contain("type=\"application/ld+json\""));
                    Assert.That(entities.All(e => e!["@context"] is null), Is.True, "the context is in the Link header, not the body");
                }
                else
                {
                    Assert.That(response.Headers.Contains("Link"), Is.False);
                    Assert.That(entities.Select(e => e!["@context"]!.ToJsonString()).Distinct(), Is.EqualTo(new[]
                    {
                        """["https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld","https://raw.githubusercontent.com/smart-data-models/dataModel.Weather/master/context.jsonld"]""",
                    }));
                }
            }
        }

        using (var noAccept = await client.GetAsync(url))
            Assert.That(noAccept.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/ld+json"));
        using var html = new HttpRequestMessage(HttpMethod.Get, url);
        html.Headers.Accept.ParseAdd("text/html");
        using var refused = await client.SendAsync(html);
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotAcceptable));
    }

    [Test]
    public async Task ETag_Matches_Answers304()
    {
        using var client = Host.Anonymous();
        var url = $"{Entities}/urn:ngsi-ld:OffStreetParking:{SpotLot}";
        using var first = await client.GetAsync(url);
        var etag = first.Headers.ETag;
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(etag, Is.Not.Null);

        using var again = new HttpRequestMessage(HttpMethod.Get, url);
        again.Headers.IfNoneMatch.Add(etag!);
        using var notModified = await client.SendAsync(again);
        Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));

        using var asJson = new HttpRequestMessage(HttpMethod.Get, url);
        asJson.Headers.IfNoneMatch.Add(etag!);
        asJson.Headers.Accept.ParseAdd("application/json");
        using var other = await client.SendAsync(asJson);
        Assert.That(other.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another representation has another tag");
        Assert.That(other.Headers.ETag?.Tag, Is.Not.EqualTo(etag!.Tag));
    }

    [Test]
    public async Task CachedAnswers_FollowTheData()
    {
        const string point = "fl-phan-boi-chau";
        Assert.That((double?)(await One("FloodMonitoring", point))["currentLevel"], Is.EqualTo(3));
        Assert.That((await List("FloodMonitoring", "keyValues")).Single(e => (string?)e!["id"] == $"urn:ngsi-ld:FloodMonitoring:{point}")!["currentLevel"]!.GetValue<double>(),
            Is.EqualTo(3), "both answers are in the output cache now");

        using (var gateway = Host.Ingester())
            (await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading(point, DateTimeOffset.UtcNow, new { depthCm = 25.0 })))).EnsureSuccessStatusCode();

        // Well inside the cache's 30 s: only the topic's stamp can make these fresh.
        var timeout = TimeSpan.FromSeconds(10);
        await Eventually.Until(() => TryOne("FloodMonitoring", point), e => (double?)e?["currentLevel"] == 25, "the cached entity to follow the reading", timeout);
        await Eventually.Until(() => TryList("FloodMonitoring"), l => l?.Any(e => (string?)e!["id"] == $"urn:ngsi-ld:FloodMonitoring:{point}" && (double?)e["currentLevel"] == 25) == true,
            "the cached list to follow the reading", timeout);
    }

    [Test]
    public async Task Parking_WithSessionsAndHolds_ShowsNoPlateSessionTakingsOrHold()
    {
        using (var started = await _app.StartSession(GateLot, Plate))
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
        using (var held = await _app.Hold(GateLot, HeldPlate))
            Assert.That(held.IsSuccessStatusCode, Is.True, await held.Content.ReadAsStringAsync());
        using (var started = await _app.StartSession(SpotLot, SpotLotPlate))
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());

        // 18 spaces, 10 counted at the gate, one car arriving, one space held.
        await Eventually.Until(() => TryOne("OffStreetParking", GateLot), l => (int?)l?["availableSpotNumber"] == 6, "the public lot to count the session and the hold");
        var lotState = await Host.Entity(GateLot);
        Assert.That((lotState.Figure("sessionsOpen"), lotState.Figure("held")), Is.EqualTo((1L, 1L)), "the private figures exist on the inside");

        foreach (var type in new[] { "OffStreetParking", "ParkingSpot" })
        {
            foreach (var options in new[] { null, "keyValues" })
            {
                var entities = await List(type, options);
                var names = entities.SelectMany(Names).Select(n => n.ToLowerInvariant()).Distinct().ToList();
                Assert.That(names.Where(n => Private().IsMatch(n)), Is.Empty, $"{type} {options}: {string.Join(", ", names)}");
                var text = entities.ToJsonString();
                foreach (var plate in new[] { Plate, HeldPlate, SpotLotPlate, "30A99988", "29B12345" })
                    Assert.That(text, Does.Not.Contain(plate));
            }
        }
    }

    private IReadOnlyList<Sensor> Of(string kind) => [.. _catalog.Sensors.Where(s => s.Kind == kind && !s.Retired)];

    private int ExpectedCount(string type) => type switch
    {
        "AirQualityObserved" => Of(SensorKinds.Air).Count,
        "WaterQualityObserved" => Of(SensorKinds.Water).Count,
        "WeatherObserved" => Of(SensorKinds.Rain).Count,
        "FloodMonitoring" => Of(SensorKinds.Flood).Count,
        "TrafficFlowObserved" => Of(SensorKinds.Traffic).Count,
        "ParkingSpot" => Of(SensorKinds.ParkingSpot).Count,
        "OffStreetParking" => _catalog.ParkingLots.Count,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private async Task<JsonArray> List(string type, string? options = null)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync($"{Entities}?type={type}{(options is null ? "" : "&options=" + options)}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonArray>())!;
    }

    private async Task<JsonArray?> TryList(string type)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync($"{Entities}?type={type}&options=keyValues");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonArray>() : null;
    }

    private async Task<JsonObject?> TryOne(string type, string id)
    {
        using var client = Host.Anonymous();
        using var response = await client.GetAsync($"{Entities}/urn:ngsi-ld:{type}:{id}?options=keyValues");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
    }

    private async Task<JsonObject> One(string type, string id)
    {
        var entity = await TryOne(type, id);
        Assert.That(entity, Is.Not.Null, $"{type} {id}");
        return entity!;
    }

    /// <summary>Every property name anywhere in a JSON tree.</summary>
    private static IEnumerable<string> Names(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Names(p.Value).Prepend(p.Key)),
        JsonArray a => a.SelectMany(Names),
        _ => [],
    };

    [GeneratedRegex(@"plate|session|revenue|paid|held|hold|booking|takings|fee|closedreason", RegexOptions.CultureInvariant)]
    private static partial Regex Private();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,7})?Z$", RegexOptions.CultureInvariant)]
    private static partial Regex UtcTime();
}
