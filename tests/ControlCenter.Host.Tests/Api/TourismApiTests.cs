using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Domain;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Api;

/// <summary>
/// Tourism through the real host on a Saturday night in Hà Nội (a fake city clock): visitor counts become
/// crowding, an overcrowded point raises its alert after its ten minutes, heavy rain while the walking streets are
/// open raises the visitor-safety alert, the catalogue carries the walking streets and the feed the counters.
/// </summary>
public class TourismApiTests : SqliteHostFixture
{
    private const string OldQuarter = "vc-pho-co-hang-dao";
    private readonly FakeTimeProvider _clock = new(LastSaturdayNight());

    protected override bool WithKestrel => true;

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    private DateTimeOffset Now => _clock.GetUtcNow();

    /// <summary>21:00 city time on the last Saturday at least a day ago: the walking streets are open.</summary>
    private static DateTimeOffset LastSaturdayNight()
    {
        var local = CityTime.Local(DateTimeOffset.UtcNow).AddDays(-1);
        var saturday = local.Date.AddDays(-(((int)local.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7));
        return new DateTimeOffset(saturday.AddHours(21), local.Offset);
    }

    private async Task Post(params object[] readings)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That((response.StatusCode, body.GetProperty("rejected").GetArrayLength()), Is.EqualTo((HttpStatusCode.Accepted, 0)), body.ToString());
    }

    private async Task<JsonElement[]> OpenAlerts(string ruleId)
    {
        using var client = Host.Ingester();
        var alerts = await client.GetFromJsonAsync<JsonElement[]>("/api/v1/alerts?status=open");
        return [.. alerts!.Where(a => a.GetProperty("ruleId").GetString() == ruleId)];
    }

    [Test]
    public async Task VisitorCounts_BecomeCrowding_AndVisitorsPerHour()
    {
        await Post(
            Json.Reading("vc-van-mieu", Now.AddMinutes(-30), new { entries = 700, present = 1200 }),
            Json.Reading("vc-van-mieu", Now, new { entries = 300, present = 2500 }));

        var state = await Eventually.Until(() => Host.Entity("vc-van-mieu"), s => s.Version >= 2, "both counts folded");
        Assert.Multiple(() =>
        {
            Assert.That(state.Kind, Is.EqualTo("visitor-counter"));
            Assert.That(state.Derived["crowding"]?.ToString(), Is.EqualTo("crowded"), "2,500 of 3,000 is 83 %");
            Assert.That(state.Derived["visitorsPerHour"]?.ToString(), Is.EqualTo("1000"));
            Assert.That(state.Status, Is.EqualTo("warning"));
        });
    }

    [Test]
    public async Task OvercrowdedPoint_RaisesItsAlert_AfterTenMinutes()
    {
        await Post(Json.Reading(OldQuarter, Now, new { entries = 900, present = 9000 }));
        var zone = await Eventually.Until(() => Host.Entity("hoan-kiem"), z => Overcrowded(z) == 1, "the zone to see the Old Quarter overcrowded");

        // Minute by minute, each minute's count seen by the zone before the clock moves on. The alert can never
        // come before its ten minutes; it may come a few minutes later, as the zone's rule pass runs on its own
        // timer (every 250 ms of real time) and so may first see the crowd, or the tenth minute, late.
        int? raisedAfter = null;
        for (var minute = 1; minute <= 20 && raisedAfter is null; minute++)
        {
            _clock.Advance(TimeSpan.FromMinutes(1));
            await Post(Json.Reading(OldQuarter, Now, new { entries = 100, present = 9000 + minute }));
            var seen = zone.Version;
            zone = await Eventually.Until(() => Host.Entity("hoan-kiem"), z => z.Version > seen, $"the zone to see minute {minute}");
            if ((await OpenAlerts("tourism.overcrowded")).Length > 0) raisedAfter = minute;
        }

        Assert.That(raisedAfter, Is.InRange(10, 20));
        var alert = (await OpenAlerts("tourism.overcrowded")).Single();
        Assert.That(alert.GetProperty("severity").GetString(), Is.EqualTo("major"));
        Assert.That(alert.GetProperty("domains").EnumerateArray().Select(d => d.GetString()), Is.EqualTo(new[] { "tourism" }));
        Assert.That(alert.GetProperty("title").GetString(), Is.EqualTo("Quá tải khách tại điểm du lịch"));
        Assert.That(alert.GetProperty("evidence").EnumerateArray().Select(e => e.GetProperty("metric").GetString()), Does.Contain("crowdingRatio"));
    }

    private static int Overcrowded(ControlCenter.Contracts.Messages.EntityState zone) =>
        zone.Derived.TryGetValue("tourism", out var tourism) && tourism is JsonElement figures
            ? figures.GetProperty("overcrowdedPoints").GetInt32() : 0;

    [Test]
    public async Task HeavyRainOnASaturdayNight_RaisesTheWalkingStreetAlert_GroupingTheRain()
    {
        await Post(
            Json.Reading("rg-hoan-kiem", Now.AddMinutes(-20), new { rainMm = 5 }),
            Json.Reading("rg-hoan-kiem", Now.AddMinutes(-10), new { rainMm = 5 }),
            Json.Reading("rg-hoan-kiem", Now, new { rainMm = 5 }));

        var raised = await Eventually.Until(() => OpenAlerts("cross.rain-walking-street"), a => a.Length >= 2, "both walking streets warned");
        var lake = raised.Single(a => a.GetProperty("entityIds").EnumerateArray().Any(e => e.GetString() == "ws-ho-guom"));
        Assert.That(lake.GetProperty("severity").GetString(), Is.EqualTo("major"), "an hour's 15 mm is major rain");
        Assert.That(lake.GetProperty("zoneId").GetString(), Is.EqualTo("hoan-kiem"));
        Assert.That(lake.GetProperty("domains").EnumerateArray().Select(d => d.GetString()), Is.EquivalentTo(new[] { "tourism", "rain" }));
        Assert.That(lake.GetProperty("children").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task Catalog_CarriesTheWalkingStreets()
    {
        using var client = Host.Ingester();
        var catalog = (await client.GetFromJsonAsync<JsonObject>("/api/v1/catalog"))!;
        var lake = catalog["walkingStreets"]!.AsArray().Single(w => (string?)w!["id"] == "ws-ho-guom")!;
        Assert.That((string?)lake["name"], Is.EqualTo("Không gian đi bộ hồ Hoàn Kiếm"));
        Assert.That(lake["hours"]!.ToJsonString(), Is.EqualTo("""[{"opens":"friday 19:00","closes":"sunday 24:00"}]"""));
        Assert.That(lake["path"]!.AsArray(), Has.Count.GreaterThan(2));
        var counter = catalog["sensors"]!.AsArray().First(s => (string?)s!["id"] == OldQuarter)!;
        Assert.That((int)counter["capacity"]!, Is.EqualTo(8000));
    }

    [Test]
    public async Task Feed_TourismTopic_SnapshotsEveryCounter()
    {
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await feed.Subscribe("tourism");
        var ids = snapshot.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entityId").GetString()).ToList();
        Assert.That(ids, Has.Count.EqualTo(8));
        Assert.That(ids, Is.All.StartWith("vc-"));
    }

    [TestCase(-1, 10)]
    [TestCase(1.5, 10)]
    [TestCase(5, 2_000_000)]
    public async Task Counts_ThatCannotBe_AreRefusedAsOutOfRange(double entries, double present)
    {
        using var gateway = Host.Ingester();
        using var response = await gateway.PostAsJsonAsync("/api/v1/readings", Json.Batch(
            Json.Reading("vc-cau-long-bien", Now, new { entries, present })));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(body.GetProperty("rejected")[0].GetProperty("code").GetString(), Is.EqualTo("out-of-range"));
    }
}
