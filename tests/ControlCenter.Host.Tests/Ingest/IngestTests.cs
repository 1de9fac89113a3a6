using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>The ingest contract through the real HTTP pipeline, on the embedded (SQLite) profile.</summary>
public class IngestTests : SqliteHostFixture
{
    private const string RetiredGauge = "rg-long-bien";
    private const string SlowKey = "slow-gateway-key";

    private HttpClient _client = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    /// <summary>The shipped catalogue with one gauge retired, to see "retired-sensor".</summary>
    protected override async Task<(string Key, string Value)[]> Settings(string dataPath) =>
        [
            ("Catalog:Path", await Catalogs.WithRetired(dataPath, RetiredGauge)),
            ("Ingest:Keys:2:Name", "slow-gateway"), ("Ingest:Keys:2:Key", SlowKey), ("Ingest:Keys:2:RequestsPerSecond", "1"),
        ];

    [OneTimeSetUp]
    public void CreateClient() => _client = Host.Ingester();

    [OneTimeTearDown]
    public void DisposeClient() => _client.Dispose();

    private async Task<(HttpStatusCode Status, IngestResponse? Body)> Post(params object[] readings)
    {
        using var response = await _client.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        var body = response.StatusCode == HttpStatusCode.Accepted ? await response.Content.ReadFromJsonAsync<IngestResponse>() : null;
        return (response.StatusCode, body);
    }

    [Test]
    public async Task Post_GoodReading_Is202AndInLiveState()
    {
        var before = await Host.Entity("fl-nguyen-khuyen");
        var (status, body) = await Post(Json.Reading("fl-nguyen-khuyen", Now, new { depthCm = 22.5 }));

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(body, Is.EqualTo(new IngestResponse(1, 0, [])).Using<IngestResponse>((a, b) => a.Accepted == b.Accepted && a.Duplicates == 0 && a.Rejected.Count == 0));
        var after = await Host.Entity("fl-nguyen-khuyen");
        Assert.That(after.Version, Is.EqualTo(before.Version + 1));
        Assert.That(after.Values["depthCm"], Is.EqualTo(22.5));
        Assert.That(after.Status, Is.EqualTo("alert"));
    }

    [Test]
    public async Task Post_MixedBatch_GoodOnesLandBadOnesReportedByIndex()
    {
        var ts = Now;
        var (status, body) = await Post(
            Json.Reading("rg-hoan-kiem", ts, new { rainMm = 1.5 }),                   // 0 good
            Json.Reading("rg-nowhere", ts, new { rainMm = 1 }),                        // 1 unknown-sensor
            Json.Reading(RetiredGauge, ts, new { rainMm = 1 }),                        // 2 retired-sensor
            Json.Reading("rg-ba-dinh", ts, new { pm25 = 1 }),                          // 3 unknown-metric
            Json.Reading("rg-ba-dinh", ts, new { rainMm = -3 }),                       // 4 out-of-range
            Json.Reading("rg-ba-dinh", ts.AddMinutes(10), new { rainMm = 1 }),         // 5 bad-timestamp (future)
            Json.Reading("rg-ba-dinh", ts.AddDays(-40), new { rainMm = 1 }),           // 6 bad-timestamp (past retention)
            new { sensorId = "rg-ba-dinh", ts = "2026-11-26T10:00:00", values = new { rainMm = 1 } }, // 7 no offset
            new { sensorId = "rg-ba-dinh", ts, values = new { rainMm = "1" } },       // 8 invalid-reading
            new { sensorId = "rg-ba-dinh", ts },                                       // 9 invalid-reading
            Json.Reading("pg-ltk-04", ts, new { occupiedCount = 19 }),                 // 10 out-of-range (capacity 18)
            Json.Reading("ps-ltk-01-01", ts, new { occupied = 1 }));                   // 11 good

        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(body!.Accepted, Is.EqualTo(2));
        Assert.That(body.Rejected.Select(r => (r.Index, r.Code)), Is.EqualTo(new[]
        {
            (1, "unknown-sensor"), (2, "retired-sensor"), (3, "unknown-metric"), (4, "out-of-range"), (5, "bad-timestamp"),
            (6, "bad-timestamp"), (7, "bad-timestamp"), (8, "invalid-reading"), (9, "invalid-reading"), (10, "out-of-range"),
        }));
        Assert.That(body.Rejected.All(r => r.Message.Length > 0), Is.True);
        Assert.That((await Host.Entity("rg-hoan-kiem")).Values["rainMm"], Is.EqualTo(1.5));
        Assert.That((await Host.Entity("rg-ba-dinh")).Version, Is.EqualTo(0), "no rejected reading touched rg-ba-dinh");
    }

    [Test]
    public async Task Post_SameBatchTwice_SecondIsAllDuplicatesAndChangesNothing()
    {
        var ts = Now;
        object[] batch = [Json.Reading("wq-ho-tay-quang-an", ts, new { @do = 6.1, ph = 7.2 }), Json.Reading("wq-ho-tay-quang-an", ts.AddSeconds(-60), new { @do = 6.3 })];
        var (_, first) = await Post(batch);
        var before = await Host.Entity("wq-ho-tay-quang-an");

        var (status, second) = await Post(batch);
        var after = await Host.Entity("wq-ho-tay-quang-an");

        Assert.That(first!.Accepted, Is.EqualTo(2));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That((second!.Accepted, second.Duplicates), Is.EqualTo((0, 2)));
        Assert.That(after.Version, Is.EqualTo(before.Version));
        Assert.That(after.Values["do"], Is.EqualTo(6.1));
    }

    [Test]
    public async Task Post_DuplicateWithinOneBatch_IsCountedOnce()
    {
        var ts = Now;
        var (_, body) = await Post(Json.Reading("fl-thai-ha", ts, new { depthCm = 3 }), Json.Reading("fl-thai-ha", ts, new { depthCm = 99 }));
        Assert.That((body!.Accepted, body.Duplicates), Is.EqualTo((1, 1)));
        Assert.That((await Host.Entity("fl-thai-ha")).Values["depthCm"], Is.EqualTo(3));
    }

    [Test]
    public async Task Post_InvalidUnicode_RefusesOnlyThatReading()
    {
        var ts = Now.ToString("O");
        var body = "{\"readings\":[" +
            "{\"sensorId\":\"\\ud800\",\"ts\":\"" + ts + "\",\"values\":{\"rainMm\":1}}," +
            "{\"sensorId\":\"rg-dong-da\",\"ts\":\"" + ts + "\",\"values\":{\"\\udfff\":1}}," +
            "{\"sensorId\":\"rg-long-bien-x\xff\",\"ts\":\"" + ts + "\",\"values\":{\"rainMm\":1}}," +
            "{\"sensorId\":\"fl-huynh-thuc-khang\",\"ts\":\"" + ts + "\",\"values\":{\"depthCm\":4}}]}";
        var bytes = Encoding.Latin1.GetBytes(body);
        using var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        using var response = await _client.PostAsync("/api/v1/readings", content);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var result = (await response.Content.ReadFromJsonAsync<IngestResponse>())!;
        Assert.That(result.Accepted, Is.EqualTo(1));
        Assert.That(result.Rejected.Select(r => (r.Index, r.Code)), Is.EqualTo(new[] { (0, "invalid-reading"), (1, "invalid-reading"), (2, "invalid-reading") }));
    }

    [Test]
    public async Task Post_LateReadingTwiceInOneBatch_IsAcceptedOnceAndCountedDuplicateOnce()
    {
        await Post(Json.Reading("fl-nguyen-chi-thanh", Now, new { depthCm = 1 }));
        var old = Now.AddHours(-2);   // a backfill: the log's key, not the sensor's memory, tells the repeat
        var (_, body) = await Post(Json.Reading("fl-nguyen-chi-thanh", old, new { depthCm = 7 }), Json.Reading("fl-nguyen-chi-thanh", old, new { depthCm = 7 }));
        Assert.That((body!.Accepted, body.Duplicates), Is.EqualTo((1, 1)));
        Assert.That((await Host.Entity("fl-nguyen-chi-thanh")).Values["depthCm"], Is.EqualTo(1), "an old reading does not replace the latest value");
    }

    [Test]
    public async Task Post_FastGatewayClock_DoesNotHideTheReadingsThatFollow()
    {
        await Post(Json.Reading("fl-minh-khai", Now.AddMinutes(4), new { depthCm = 250 }));
        await Post(Json.Reading("fl-minh-khai", Now, new { depthCm = 0 }));
        var state = await Host.Entity("fl-minh-khai");
        Assert.That((state.Values["depthCm"], state.Status), Is.EqualTo((0.0, "ok")));
    }

    [Test]
    public async Task Post_WhenTheLogCannotAppend_Is503WithRetryAfter_NothingLands_AndTheResendIsAccepted()
    {
        var before = await Host.Entity("aq-luu-quang-vu");
        var reading = Json.Reading("aq-luu-quang-vu", Now.AddMinutes(-3), new { pm10 = 44 });
        await ExecuteOnTheDatabase("ALTER TABLE reading_log RENAME TO reading_log_away");
        HttpResponseMessage refused;
        try
        {
            refused = await _client.PostAsJsonAsync("/api/v1/readings", Json.Batch(reading));
        }
        finally
        {
            await ExecuteOnTheDatabase("ALTER TABLE reading_log_away RENAME TO reading_log");
        }

        using (refused)
        {
            Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromSeconds(IngestService.RetryAfterSeconds)));
            Assert.That(refused.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        }

        Assert.That((await Host.Entity("aq-luu-quang-vu")).Version, Is.EqualTo(before.Version), "nothing of the refused request reached live state");
        var (status, body) = await Post(reading);
        Assert.That((status, body!.Accepted, body.Duplicates), Is.EqualTo((HttpStatusCode.Accepted, 1, 0)), "the gateway's resend is applied as if it were the first");
        Assert.That((await Host.Entity("aq-luu-quang-vu")).Values["pm10"], Is.EqualTo(44));
    }

    [Test]
    public async Task Post_FasterThanTheKeysRate_Is429WithRetryAfter_OtherKeysUnaffected()
    {
        using var slow = Host.Ingester(SlowKey);
        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? refused = null;
        for (var i = 0; i < 3; i++)   // a rate of 1/s allows a burst of 2
        {
            var response = await slow.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-tay-ho", Now.AddSeconds(-i), new { rainMm = 0 })));
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) refused = response;
            else response.Dispose();
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Accepted, HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests }));
        Assert.That(refused!.Headers.RetryAfter?.Delta, Is.GreaterThanOrEqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(refused.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
        refused.Dispose();
        var (status, _) = await Post(Json.Reading("rg-tay-ho", Now.AddSeconds(-10), new { rainMm = 0 }));
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted), "the development key has its own bucket");
    }

    [Test]
    public async Task Post_WithoutOrWithWrongKey_Is401()
    {
        using var anonymous = Host.Anonymous();
        using var wrong = Host.Ingester("not-a-key");
        var body = Json.Batch(Json.Reading("rg-hoan-kiem", Now, new { rainMm = 1 }));
        Assert.That((await anonymous.PostAsJsonAsync("/api/v1/readings", body)).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using var response = await wrong.PostAsJsonAsync("/api/v1/readings", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Post_KeyScopedToAnotherZone_Is403AndNothingLands()
    {
        using var scoped = Host.Ingester(CityHost.TayHoKey);
        var before = await Host.Entity("fl-phan-boi-chau");
        using var response = await scoped.PostAsJsonAsync("/api/v1/readings", Json.Batch(
            Json.Reading("wq-ho-tay-trung-tam", Now, new { @do = 7 }), Json.Reading("fl-phan-boi-chau", Now, new { depthCm = 5 })));
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await Host.Entity("fl-phan-boi-chau")).Version, Is.EqualTo(before.Version));

        using var allowed = await scoped.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("wq-ho-tay-trung-tam", Now, new { @do = 7 })));
        Assert.That(allowed.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
    }

    [TestCase("text/plain")]
    [TestCase("application/xml")]
    public async Task Post_WrongContentType_Is415(string contentType)
    {
        using var content = new StringContent("""{"readings":[]}""", Encoding.UTF8, contentType);
        using var response = await _client.PostAsync("/api/v1/readings", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
    }

    [TestCase("{")]
    [TestCase("[]")]
    [TestCase("""{"readings":{}}""")]
    [TestCase("""{"readings":[]}""")]
    [TestCase("""{"readings":[1,2""")]
    [TestCase("nul")]
    public async Task Post_MalformedBody_Is400WithProblemDetails(string body)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/v1/readings", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
        Assert.That((string?)problem!["title"], Is.Not.Empty);
        Assert.That((int?)problem["status"], Is.EqualTo(400));
    }

    [Test]
    public async Task Post_OverFiveThousandReadings_Is413()
    {
        var readings = Enumerable.Range(0, 5001).Select(i => (object)Json.Reading("rg-cau-giay", Now.AddSeconds(-i), new { rainMm = 0 })).ToArray();
        var (status, _) = await Post(readings);
        Assert.That(status, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That((await Host.Entity("rg-cau-giay")).Version, Is.EqualTo(0));
    }

    [Test]
    public async Task Post_OverOneMebibyte_Is413()
    {
        var padding = new string(' ', IngestEndpoint.MaxBodyBytes);
        using var content = new StringContent("{\"readings\":[" + padding + "]}", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/api/v1/readings", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
    }

    [Test]
    public async Task Post_FiveThousandReadings_AreAllAccepted()
    {
        var start = Now.AddHours(-2);
        var readings = Enumerable.Range(0, 5000).Select(i => (object)Json.Reading(
            i % 2 == 0 ? "td-ltk-quan-su-n" : "td-ltk-quan-su-s", start.AddMilliseconds(i * 100), new { speedKmh = 20 + i % 10, volume = 5 })).ToArray();
        var (status, body) = await Post(readings);
        Assert.That(status, Is.EqualTo(HttpStatusCode.Accepted));
        Assert.That(body!.Accepted, Is.EqualTo(5000));
    }

    [Test]
    public async Task History_AfterIngest_IsDownsampledPerStep()
    {
        var start = new DateTimeOffset(Now.Year, Now.Month, Now.Day, Now.Hour, 0, 0, TimeSpan.Zero).AddHours(-2);
        var readings = Enumerable.Range(0, 6).Select(i => (object)Json.Reading("aq-nhan-chinh", start.AddMinutes(i * 10), new { pm25 = 10.0 * (i + 1) })).ToArray();
        await Post(readings);

        var url = $"/api/v1/history/aq-nhan-chinh?metric=pm25&from={Uri.EscapeDataString(start.ToString("O"))}&to={Uri.EscapeDataString(start.AddHours(1).ToString("O"))}&step=30m";
        var history = await Eventually.Until(() => _client.GetFromJsonAsync<JsonObject>(url)!,
            h => h!["points"]!.AsArray().Count == 2, "both 30-minute steps in history");

        var points = history!["points"]!.AsArray();
        Assert.That(((double)points[0]!["min"]!, (double)points[0]!["avg"]!, (double)points[0]!["max"]!, (long)points[0]!["count"]!), Is.EqualTo((10.0, 20.0, 30.0, 3L)));
        Assert.That((double)points[1]!["avg"]!, Is.EqualTo(50.0));
        Assert.That((string?)history["unit"], Is.EqualTo("µg/m³"));
    }

    [TestCase("/api/v1/history/aq-nhan-chinh?metric=radon", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/history/aq-nhan-chinh?metric=pm25&step=0", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/history/aq-nhan-chinh?metric=pm25&from=yesterday", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/history/aq-nhan-chinh?metric=pm25&step=1s", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/history/no-such-sensor?metric=pm25", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/entities/no-such-entity", HttpStatusCode.NotFound)]
    [TestCase("/api/v1/entities/Bad%20Id", HttpStatusCode.BadRequest)]
    [TestCase("/api/v1/entities/fl-phan-boi-chau%0A", HttpStatusCode.BadRequest)]
    public async Task ReadApis_BadQueries_AreProblems(string url, HttpStatusCode expected)
    {
        using var response = await _client.GetAsync(url);
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task Metrics_CountAcceptedAndRejected()
    {
        await Post(Json.Reading("rg-nowhere", Now, new { rainMm = 1 }));
        var text = await _client.GetStringAsync("/metrics");
        Assert.That(text, Does.Contain("controlcenter_readings_rejected_total{code=\"unknown-sensor\"}"));
        Assert.That(text, Does.Match(@"controlcenter_readings_accepted_total \d+"));
        Assert.That(text, Does.Match(@"controlcenter_grain_activations\{type=""SensorGrain""\} [1-9]\d*"), "every catalogue sensor is active");
    }
}
