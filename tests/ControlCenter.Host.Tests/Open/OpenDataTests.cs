using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Open;

/// <summary>The open data API's JSON: what each domain shows, freshness, ETags, CORS, compression, hostile input.</summary>
public class OpenDataTests : SqliteHostFixture
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    private async Task Ingest(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> Open(string path)
    {
        using var anonymous = Host.Anonymous();
        using var response = await anonymous.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("licence").GetString(), Does.Contain("CC BY"));
        return body.GetProperty("data");
    }

    private static JsonElement Item(JsonElement items, string id) =>
        items.EnumerateArray().Single(i => i.GetProperty("place").GetProperty("id").GetString() == id);

    [Test]
    public async Task Air_ShowsTheTenStations_AqiWithCategoryAndAdvice()
    {
        var now = Now;
        await Ingest(
            Json.Reading("aq-hang-dau", now.AddHours(-2), new { pm25 = 60.0, pm10 = 90.0 }),
            Json.Reading("aq-hang-dau", now.AddHours(-1), new { pm25 = 62.0, pm10 = 95.0 }),
            Json.Reading("aq-hang-dau", now, new { pm25 = 65.0, pm10 = 96.0 }));

        var air = await Eventually.Until(() => Open("/open/v1/air"),
            d => Item(d.GetProperty("stations"), "aq-hang-dau").TryGetProperty("aqi", out _), "aq-hang-dau to have an AQI");
        var stations = air.GetProperty("stations");
        Assert.That(stations.GetArrayLength(), Is.EqualTo(10));
        var station = Item(stations, "aq-hang-dau");
        var category = station.GetProperty("category");
        Assert.That(station.GetProperty("aqi").GetInt32(), Is.InRange(101, 150), "PM2.5 around 62 µg/m³ is Kém (poor)");
        Assert.That((category.GetProperty("name").GetString(), category.GetProperty("nameEn").GetString(), category.GetProperty("level").GetInt32()), Is.EqualTo(("Kém", "Poor", 3)));
        Assert.That(station.GetProperty("mainPollutant").GetString(), Is.EqualTo("pm25"));
        Assert.That(station.GetProperty("advice").GetProperty("sensitive").GetString(), Does.Contain("hen"));
        Assert.That(station.GetProperty("freshness").GetProperty("stale").GetBoolean(), Is.False);
        Assert.That(station.GetProperty("values").GetProperty("pm25").GetDouble(), Is.EqualTo(65.0));

        var history = await Open("/open/v1/air/aq-hang-dau/history");
        var hours = history.GetProperty("hours").EnumerateArray().ToList();
        Assert.That(hours, Has.Count.EqualTo(24));
        Assert.That(hours[^1].GetProperty("aqi").GetInt32(), Is.InRange(101, 150), "the current hour, as live");
        Assert.That(hours.Count(h => h.TryGetProperty("pm25", out _)), Is.InRange(2, 3), "hours without readings have no mean");
    }

    [Test]
    public async Task AStationThatNeverReported_IsStale_WithoutATime()
    {
        var water = await Open("/open/v1/water");
        var silent = water.GetProperty("stations").EnumerateArray()
            .First(s => !s.GetProperty("freshness").TryGetProperty("ts", out _));
        Assert.That(silent.GetProperty("freshness").GetProperty("stale").GetBoolean(), Is.True);
    }

    [Test]
    public async Task Water_ClassesEachParameter_AgainstQcvn08()
    {
        await Ingest(Json.Reading("wq-ho-tay-trung-tam", Now, new { @do = 5.5, bod5 = 7.0, cod = 9.0, ph = 7.4 }));
        var water = await Eventually.Until(() => Open("/open/v1/water"),
            d => Item(d.GetProperty("stations"), "wq-ho-tay-trung-tam").GetProperty("parameters").GetArrayLength() >= 4, "the lake station's parameters");
        var station = Item(water.GetProperty("stations"), "wq-ho-tay-trung-tam");
        var parameters = station.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("metric").GetString()!);
        Assert.That(parameters["do"].GetProperty("class").GetString(), Is.EqualTo("B"));
        Assert.That(parameters["do"].GetProperty("minimum").GetBoolean(), Is.True);
        Assert.That(parameters["bod5"].GetProperty("class").GetString(), Is.EqualTo("beyond-B"));
        Assert.That(parameters["cod"].GetProperty("class").GetString(), Is.EqualTo("A"));
        Assert.That(station.GetProperty("waterClass").GetString(), Is.EqualTo("beyond-B"));
        Assert.That(water.GetProperty("standard").GetString(), Does.Contain("QCVN 08"));
    }

    [Test]
    public async Task Rain_ShowsTheLastHourAndTheLastDay()
    {
        var now = Now;
        await Ingest(
            Json.Reading("rg-cau-giay", now.AddHours(-5), new { rainMm = 2.0 }),
            Json.Reading("rg-cau-giay", now.AddMinutes(-30), new { rainMm = 3.0 }));
        var rain = await Eventually.Until(() => Open("/open/v1/rain"),
            d => Item(d.GetProperty("gauges"), "rg-cau-giay") is var g && g.TryGetProperty("rain24hMm", out var day) && day.GetDouble() == 5.0
                && g.GetProperty("rain1hMm").GetDouble() > 0, "5 mm over 24 h at Cầu Giấy, and the last hour's rain");
        var gauge = Item(rain.GetProperty("gauges"), "rg-cau-giay");
        Assert.That(gauge.GetProperty("rain1hMm").GetDouble(), Is.EqualTo(3.0));
    }

    [Test]
    public async Task Flood_ADeepStreet_IsClosedToTraffic_AndTheETagMoves()
    {
        using var anonymous = Host.Anonymous();
        using var first = await anonymous.GetAsync("/open/v1/flood");
        var etag = first.Headers.ETag!;
        Assert.That(first.Headers.CacheControl!.Public, Is.True);
        using (var again = new HttpRequestMessage(HttpMethod.Get, "/open/v1/flood"))
        {
            again.Headers.IfNoneMatch.Add(etag);
            using var notModified = await anonymous.SendAsync(again);
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
        }

        await Ingest(Json.Reading("fl-phan-boi-chau", Now, new { depthCm = 32.0 }));
        var flood = await Eventually.Until(() => Open("/open/v1/flood"),
            d => Item(d.GetProperty("points"), "fl-phan-boi-chau").TryGetProperty("depthCm", out var depth) && depth.GetDouble() == 32.0, "the flooded street");
        var point = Item(flood.GetProperty("points"), "fl-phan-boi-chau");
        Assert.That((point.GetProperty("level").GetString(), point.GetProperty("closedToTraffic").GetBoolean()), Is.EqualTo(("major", true)));

        using var changed = new HttpRequestMessage(HttpMethod.Get, "/open/v1/flood");
        changed.Headers.IfNoneMatch.Add(etag);
        using var fresh = await anonymous.SendAsync(changed);
        Assert.That(fresh.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the old ETag no longer matches");
        Assert.That(fresh.Headers.ETag, Is.Not.EqualTo(etag));
    }

    [Test]
    public async Task Parking_ShowsFreeSpacesOnly()
    {
        var parking = await Open("/open/v1/parking");
        var lots = parking.GetProperty("lots");
        Assert.That(lots.GetArrayLength(), Is.EqualTo(17));
        Assert.That(lots.EnumerateArray().Sum(l => l.GetProperty("capacity").GetInt32()), Is.EqualTo(248));
        var fields = lots.EnumerateArray().SelectMany(l => l.EnumerateObject().Select(p => p.Name)).ToHashSet();
        Assert.That(fields, Is.SubsetOf(new[] { "place", "freshness", "street", "capacity", "free", "occupancy", "full", "available", "closedReason" }));
    }

    [Test]
    public async Task Cors_OpensTheOpenDataOnly()
    {
        using var anonymous = Host.Anonymous();
        using var open = new HttpRequestMessage(HttpMethod.Get, "/open/v1/air");
        open.Headers.Add("Origin", "https://bao-dien-tu.example");
        using var openResponse = await anonymous.SendAsync(open);
        Assert.That(openResponse.Headers.GetValues("Access-Control-Allow-Origin"), Is.EqualTo(new[] { "*" }));

        using var client = Host.CreateClient();
        using var internalRead = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
        internalRead.Headers.Add("Origin", "https://bao-dien-tu.example");
        using var internalResponse = await client.SendAsync(internalRead);
        Assert.That(internalResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(internalResponse.Headers.Contains("Access-Control-Allow-Origin"), Is.False);

        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/api/v1/alerts");
        preflight.Headers.Add("Origin", "https://bao-dien-tu.example");
        preflight.Headers.Add("Access-Control-Request-Method", "POST");
        using var preflightResponse = await anonymous.SendAsync(preflight);
        Assert.That(preflightResponse.Headers.Contains("Access-Control-Allow-Origin"), Is.False, "no other origin may post to the centre");
    }

    [Test]
    public async Task Cors_LetsOtherOriginsRevalidate_AndReadTheContextLink()
    {
        using var anonymous = Host.Anonymous();
        using var preflight = new HttpRequestMessage(HttpMethod.Options, "/open/v1/summary");
        preflight.Headers.Add("Origin", "https://bao-dien-tu.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        using var response = await anonymous.SendAsync(preflight);
        Assert.That(response.Headers.GetValues("Access-Control-Allow-Headers").Single(), Does.Contain("If-None-Match").IgnoreCase);

        using var get = new HttpRequestMessage(HttpMethod.Get, "/open/v1/air");
        get.Headers.Add("Origin", "https://bao-dien-tu.example");
        using var answer = await anonymous.SendAsync(get);
        Assert.That(answer.Headers.GetValues("Access-Control-Expose-Headers").Single(), Does.Contain("ETag").And.Contain("Link"));
    }

    [Test]
    public async Task ThePublicSurface_IsTheSameWhateverTheCase()
    {
        using var anonymous = Host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/OPEN/v1/summary");
        request.Headers.Add("Accept-Encoding", "gzip");
        using var response = await anonymous.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }), "compressed like /open");

        using var portalFile = await anonymous.GetAsync("/portal/index.html");
        Assert.That(portalFile.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("frame-ancestors 'none'"),
            "the page's file is not a way around its headers");
    }

    [TestCase("203.0.113.7", "203.0.113.7")]
    [TestCase("::ffff:203.0.113.7", "203.0.113.7")]
    [TestCase("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [TestCase("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void RateLimitClients_AreAddresses_OrIpv6Slash64s(string address, string client) =>
        Assert.That(ControlCenter.Host.Open.OpenSurface.ClientOf(System.Net.IPAddress.Parse(address)), Is.EqualTo(client));

    [Test]
    public async Task Compression_ForPublicData_NeverForPrivate()
    {
        using var anonymous = Host.Anonymous();
        using var open = new HttpRequestMessage(HttpMethod.Get, "/open/v1/summary");
        open.Headers.Add("Accept-Encoding", "br");
        using var compressed = await anonymous.SendAsync(open);
        Assert.That(compressed.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "br" }));

        using var gzip = new HttpRequestMessage(HttpMethod.Get, "/open/v1/summary");
        gzip.Headers.Add("Accept-Encoding", "gzip");
        using var gzipped = await anonymous.SendAsync(gzip);
        Assert.That(gzipped.Content.Headers.ContentEncoding, Is.EqualTo(new[] { "gzip" }), "the cache keeps one body per encoding");

        using var client = Host.CreateClient();
        using var internalRead = new HttpRequestMessage(HttpMethod.Get, "/api/v1/catalog");
        internalRead.Headers.Add("Accept-Encoding", "br");
        using var plain = await client.SendAsync(internalRead);
        Assert.That(plain.Content.Headers.ContentEncoding, Is.Empty);
    }

    [TestCase("/open/v1/air/wq-ho-tay-trung-tam/history", HttpStatusCode.NotFound)]
    [TestCase("/open/v1/air/p-ltk-01/history", HttpStatusCode.NotFound)]
    [TestCase("/open/v1/air/AQ-HANG-DAU/history", HttpStatusCode.NotFound)]
    [TestCase("/open/v1/air/..%2F..%2Fapi%2Fv1%2Falerts/history", HttpStatusCode.NotFound)]
    [TestCase("/open/v1/water/aq-hang-dau/history", HttpStatusCode.NotFound)]
    [TestCase("/open/v1/air?stations=%3Cscript%3E", HttpStatusCode.OK)]
    public async Task HostileInput_GetsAClearAnswer(string path, HttpStatusCode expected)
    {
        using var anonymous = Host.Anonymous();
        using var response = await anonymous.GetAsync(path);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        if (expected == HttpStatusCode.NotFound)
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task AQueryTheAnswerDoesNotRead_CannotBustTheCache()
    {
        using var anonymous = Host.Anonymous();
        using var first = await anonymous.GetAsync("/open/v1/water/wq-ho-tay-quang-an/history?bust=1");
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var second = await anonymous.GetAsync("/open/v1/water/wq-ho-tay-quang-an/history?bust=2");
        Assert.That(second.Headers.Age, Is.Not.Null, "answered from the cache, not from the database again");
    }

    [Test]
    public async Task AnOverlongId_IsNotEchoedBack()
    {
        using var anonymous = Host.Anonymous();
        var id = new string('a', 3000);
        using var response = await anonymous.GetAsync($"/open/v1/air/{id}/history");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await response.Content.ReadAsStringAsync(), Has.Length.LessThan(600));
    }

    [Test]
    public async Task TheOpenApi_IsReadOnly()
    {
        using var anonymous = Host.Anonymous();
        using var post = await anonymous.PostAsJsonAsync("/open/v1/warnings", new { title = "giả mạo" });
        Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
        using var delete = await anonymous.DeleteAsync("/open/v1/air");
        Assert.That(delete.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
    }
}

/// <summary>One client past its rate gets 429 with Retry-After; the public surface counts it.</summary>
public class OpenDataRateLimitTests : SqliteHostFixture
{
    protected override Task<(string Key, string Value)[]> Settings(string dataPath) =>
        Task.FromResult(new[] { ("OpenData:RequestsPerSecondPerClient", "1") });

    [Test]
    public async Task AClientPastItsRate_IsToldToWait_AndCounted()
    {
        using var anonymous = Host.Anonymous();
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 10 && refused is null; i++)
        {
            var response = await anonymous.GetAsync("/open/v1/air");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.That(refused, Is.Not.Null, $"a client making 10 quick requests at 1/s is refused; saw {string.Join(", ", statuses)}");
        using (refused)
        {
            Assert.That(refused!.Headers.RetryAfter, Is.Not.Null);
            Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("Too many requests"));
        }

        using var client = Host.CreateClient();
        Assert.That((await client.GetAsync("/api/v1/catalog")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the wall's reads are not the public's limit");
        var metrics = await client.GetStringAsync("/metrics");
        Assert.That(metrics, Does.Match(@"controlcenter_open_requests_total\{outcome=""rate-limited""\} [1-9]"));
    }
}
