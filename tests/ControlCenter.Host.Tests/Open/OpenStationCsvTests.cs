using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ControlCenter.Domain;
using ControlCenter.Host.Open;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Open;

/// <summary>
/// Daily CSV of stations' hourly history: readings ingested for past hours over HTTP, the day downloaded
/// anonymously and read back cell by cell; and every kind of hostile path answered with a problem, never a 500.
/// </summary>
public class OpenStationCsvTests : SqliteHostFixture
{
    private const string RetiredGauge = "rg-long-bien";

    private static readonly OpenDataOptions Defaults = new();

    private static DateOnly Today => CityTime.Date(DateTimeOffset.UtcNow);

    /// <summary>A real socket: only Kestrel sees a path with an encoded NUL as a client would send it.</summary>
    protected override bool WithKestrel => true;

    protected override async Task<(string Key, string Value)[]> Settings(string dataPath) =>
        [("OpenData:RequestsPerSecondPerClient", "1000"), ("Catalog:Path", await Catalogs.WithRetired(dataPath, RetiredGauge))];

    private static DateTimeOffset At(DateOnly day, int hour, int minute) => new(day.ToDateTime(new TimeOnly(hour, minute)), TimeSpan.FromHours(7));

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Posts the readings, then waits until the history store holds them all (it is written within moments).</summary>
    private async Task Ingest(string sensorId, string metric, DateOnly day, params (DateTimeOffset Ts, object Values)[] readings)
    {
        using (var gateway = Host.Ingester())
        using (var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch([.. readings.Select(r => Json.Reading(sensorId, r.Ts, r.Values))])))
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            var body = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.That(body.GetProperty("accepted").GetInt32(), Is.EqualTo(readings.Length), body.ToString());
        }

        using var client = Host.CreateClient();
        var from = Uri.EscapeDataString(At(day, 0, 0).ToString("O"));
        var to = Uri.EscapeDataString(At(day, 0, 0).AddDays(1).ToString("O"));
        await Eventually.Until(
            async () => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/history/{sensorId}?metric={metric}&from={from}&to={to}&step=1h"))
                .GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64()),
            n => n >= readings.Count(r => JsonSerializer.SerializeToElement(r.Values).TryGetProperty(metric, out _)),
            $"{sensorId}'s readings in the history store");
    }

    private async Task<(HttpResponseMessage Response, string Body)> Get(string path, string? ifNoneMatch = null)
    {
        using var client = Host.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        var response = await client.SendAsync(request);
        return (response, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    private sealed record Csv(List<string> Comments, string[] Header, List<Dictionary<string, string>> Rows);

    private async Task<Csv> Download(string stationId, DateOnly day, int maxAge)
    {
        var (response, body) = await Get($"/open/v1/stations/{stationId}/{Iso(day)}.csv");
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/csv; charset=utf-8"));
            Assert.That(response.Headers.CacheControl?.MaxAge, Is.EqualTo(TimeSpan.FromSeconds(maxAge)));
        }

        Assert.That(body, Does.EndWith("\r\n"), "CRLF line ends (RFC 4180)");
        var lines = body.Split("\r\n")[..^1];
        Assert.That(lines.Any(l => l.Contains('\n') || l.Contains('\r')), Is.False, "no bare line breaks");
        var comments = lines.TakeWhile(l => l.StartsWith('#')).ToList();
        var header = lines[comments.Count].Split(',');
        var rows = lines.Skip(comments.Count + 1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second)).ToList();
        Assert.That(rows.Select(r => r.Count), Is.All.EqualTo(header.Length), "every row has every column");
        Assert.That(rows.Select(r => r["hour"]), Is.EqualTo(Enumerable.Range(0, 24).Select(h => $"{Iso(day)}T{h:00}:00:00+07:00")), "one row per local hour");
        return new Csv(comments, header, rows);
    }

    [Test]
    public async Task Day_AirReadingsInPastHours_GiveHourlyMeansUnderACommentedHeader()
    {
        var day = Today.AddDays(-1);
        await Ingest("aq-nhan-chinh", "pm25", day,
            (At(day, 8, 10), new { pm25 = 30, pm10 = 50 }), (At(day, 8, 40), new { pm25 = 40, pm10 = 70 }),
            (At(day, 9, 15), new { pm25 = 50, pm10 = 90, temperature = 28.25 }));

        var csv = await Download("aq-nhan-chinh", day, maxAge: 86400);

        var comments = string.Join("\n", csv.Comments);
        Assert.That(comments, Does.Contain("aq-nhan-chinh").And.Contain(Iso(day)).And.Contain("+07:00"));
        Assert.That(comments, Does.Contain($"Licence: {Defaults.Licence}").And.Contain($"Source: {Defaults.Source}"));
        Assert.That(comments, Does.Contain("# pm25: µg/m³").And.Contain("# temperature: °C").And.Contain("# humidity: %").And.Contain("# aqi: VN_AQI"));
        Assert.That(csv.Header, Is.EqualTo(new[] { "hour", "pm25", "pm10", "no2", "o3", "co", "so2", "temperature", "humidity", "aqi", "readings" }));
        Assert.That((csv.Rows[8]["pm25"], csv.Rows[8]["pm10"], csv.Rows[8]["no2"], csv.Rows[8]["readings"]), Is.EqualTo(("35", "60", "", "2")));
        Assert.That((csv.Rows[9]["pm25"], csv.Rows[9]["temperature"], csv.Rows[9]["readings"]), Is.EqualTo(("50", "28.25", "1")));
        Assert.That(int.Parse(csv.Rows[9]["aqi"], CultureInfo.InvariantCulture), Is.GreaterThan(0), "two hours of PM give a NowCast");
        foreach (var empty in new[] { 0, 7, 23 })
        {
            Assert.That(csv.Rows[empty].Where(c => c.Key is not ("hour" or "readings")).Select(c => c.Value), Is.All.Empty, $"hour {empty}");
            Assert.That(csv.Rows[empty]["readings"], Is.EqualTo("0"), $"hour {empty}");
        }
    }

    [Test]
    public async Task Day_RainGauge_IsTheSumFallenInEachHour()
    {
        var day = Today.AddDays(-2);
        await Ingest("rg-ba-dinh", "rainMm", day, (At(day, 14, 5), new { rainMm = 2 }), (At(day, 14, 35), new { rainMm = 3.5 }), (At(day, 15, 0), new { rainMm = 0.25 }));

        var csv = await Download("rg-ba-dinh", day, maxAge: 86400);

        Assert.That(csv.Header, Is.EqualTo(new[] { "hour", "rainMm", "readings" }));
        Assert.That(string.Join("\n", csv.Comments), Does.Contain("# rainMm: mm, tổng lượng mưa trong giờ / total fallen in the hour"));
        Assert.That((csv.Rows[14]["rainMm"], csv.Rows[14]["readings"]), Is.EqualTo(("5.5", "2")));
        Assert.That((csv.Rows[15]["rainMm"], csv.Rows[15]["readings"]), Is.EqualTo(("0.25", "1")));
        Assert.That((csv.Rows[13]["rainMm"], csv.Rows[13]["readings"]), Is.EqualTo(("", "0")));
    }

    [Test]
    public async Task Day_Today_HoldsTheHourSoFarAndIsCachedMinutesOnly()
    {
        var now = DateTimeOffset.UtcNow.AddSeconds(-2);
        var day = CityTime.Date(now);
        await Ingest("fl-tran-hung-dao", "depthCm", day, (now, new { depthCm = 12.5 }));

        var csv = await Download("fl-tran-hung-dao", day, maxAge: 300);

        Assert.That(csv.Header, Is.EqualTo(new[] { "hour", "depthCm", "readings" }));
        var hour = CityTime.Local(now).Hour;
        Assert.That((csv.Rows[hour]["depthCm"], csv.Rows[hour]["readings"]), Is.EqualTo(("12.5", "1")));
        Assert.That(csv.Rows.Skip(hour + 1).Select(r => r["depthCm"]), Is.All.Empty, "hours still to come");
    }

    [Test]
    public async Task Day_SameContent_Answers304ToItsETag()
    {
        var path = $"/open/v1/stations/wq-ho-tay-quang-an/{Iso(Today.AddDays(-3))}.csv";
        var (first, body) = await Get(path);
        using (first)
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(body, Does.Contain("hour,do,cod,bod5,nh4,tss,ph,temperature,turbidity,coliform,readings"));
            Assert.That(first.Headers.ETag, Is.Not.Null);
            var (second, again) = await Get(path, first.Headers.ETag!.Tag);
            using (second)
            {
                Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
                Assert.That(again, Is.Empty);
            }
        }
    }

    [TestCase("2026-02-30")]
    [TestCase("2026-13-01")]
    [TestCase("26-11-2026")]
    [TestCase("2026-1-5")]
    [TestCase("20261126")]
    [TestCase("2026-11-26T00:00")]
    [TestCase("%2B2026-11-26")]
    [TestCase("today")]
    public async Task Day_MalformedDate_Is400Problem(string date) =>
        await AssertProblem($"/open/v1/stations/aq-hang-dau/{date}.csv", HttpStatusCode.BadRequest);

    [TestCase("0001-01-01")]
    [TestCase("9999-12-31")]
    [TestCase("1970-01-01")]
    public async Task Day_FarOutsideTheKeptDays_Is404Problem(string date) =>
        await AssertProblem($"/open/v1/stations/aq-hang-dau/{date}.csv", HttpStatusCode.NotFound);

    [Test]
    public async Task Day_TomorrowOrBeforeTheRetention_Is404Problem()
    {
        await AssertProblem($"/open/v1/stations/aq-hang-dau/{Iso(Today.AddDays(1))}.csv", HttpStatusCode.NotFound);
        await AssertProblem($"/open/v1/stations/aq-hang-dau/{Iso(Today.AddDays(-32))}.csv", HttpStatusCode.NotFound);
    }

    [TestCase("p-ltk-01")]
    [TestCase("ps-ltk-01-01")]
    [TestCase("pg-ltk-04")]
    [TestCase("td-ltk-quan-su-n")]
    [TestCase("j-ltk-quan-su")]
    [TestCase("hoan-kiem")]
    [TestCase(RetiredGauge)]
    [TestCase("AQ-HANG-DAU")]
    [TestCase("aq-nowhere")]
    [TestCase("%2E%2E")]
    [TestCase("aq..hang")]
    [TestCase("aq%2Fhang")]
    public async Task Day_NotADownloadableStation_Is404Problem(string id) =>
        await AssertProblem($"/open/v1/stations/{id}/{Iso(Today)}.csv", HttpStatusCode.NotFound);

    /// <summary>The server refuses an encoded NUL before any endpoint runs: a plain 400.</summary>
    [TestCase("/open/v1/stations/aq-hang-dau%00/2026-11-26.csv")]
    [TestCase("/open/v1/stations/%00/2026-11-26.csv")]
    [TestCase("/open/v1/stations/aq-hang-dau/2026-11-26%00.csv")]
    [TestCase("/open/v1/warnings/al-1%00.cap")]
    public async Task Path_WithAnEncodedNul_Is400(string path)
    {
        var (response, _) = await Get(path);
        using (response) Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task Day_OverlongId_Is404ProblemThatDoesNotEchoIt()
    {
        var body = await AssertProblem($"/open/v1/stations/{new string('a', 4000)}/{Iso(Today)}.csv", HttpStatusCode.NotFound);
        Assert.That(body, Does.Not.Contain(new string('a', 100)));
    }

    [Test]
    public async Task Day_DotDotPath_IsNotFound()
    {
        var (response, _) = await Get($"/open/v1/stations/../../api/v1/{Iso(Today)}.csv");
        using (response) Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Stations_ListsTheDownloadableStationsWithTheirColumns()
    {
        var (response, body) = await Get("/open/v1/stations");
        using (response) Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var root = JsonDocument.Parse(body).RootElement;
        Assert.That(root.GetProperty("licence").GetString(), Is.EqualTo(Defaults.Licence));
        var data = root.GetProperty("data");
        Assert.That(data.GetProperty("lastDate").GetString(), Is.EqualTo(Iso(Today)));
        var stations = data.GetProperty("stations").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!);

        Assert.That(stations.Values.Select(s => s.GetProperty("kind").GetString()).Distinct(), Is.EquivalentTo(new[] { "air", "water", "rain", "flood" }));
        Assert.That(stations.Keys, Does.Not.Contain(RetiredGauge).And.Not.Contain("ps-ltk-01-01").And.Not.Contain("p-ltk-01"));
        Assert.That(stations, Has.Count.EqualTo(10 + 4 + 7 + 12));
        var air = stations["aq-hang-dau"];
        Assert.That(air.GetProperty("name").GetString(), Is.Not.Empty);
        Assert.That(air.GetProperty("nameEn").GetString(), Is.Not.Empty);
        Assert.That(air.GetProperty("csv").GetString(), Is.EqualTo("/open/v1/stations/aq-hang-dau/{date}.csv"));
        var columns = air.GetProperty("columns").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("unit").GetString());
        Assert.That(columns["pm25"], Is.EqualTo("µg/m³"));
        Assert.That(columns.Keys, Does.Contain("aqi").And.Contain("readings"));
        Assert.That(stations["rg-hoan-kiem"].GetProperty("columns")[0].GetProperty("unit").GetString(), Is.EqualTo("mm"));
    }

    private async Task<string> AssertProblem(string path, HttpStatusCode status)
    {
        var (response, body) = await Get(path);
        using (response)
        {
            Assert.That(response.StatusCode, Is.EqualTo(status), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That(JsonDocument.Parse(body).RootElement.GetProperty("title").GetString(), Is.Not.Empty);
        }

        return body;
    }
}
