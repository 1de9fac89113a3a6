using System.Globalization;
using System.Net;
using ControlCenter.Contracts.Messages;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Parking;

/// <summary>
/// The drivers' app through the real HTTP pipeline: sessions started, ended with their fee and paid; retries with
/// the same Idempotency-Key never start two sessions or record two payments; one open session per plate; full and
/// closed lots refuse; holds turn into sessions; racing drivers get exactly the free spaces.
/// </summary>
public class ParkingSessionTests : SqliteHostFixture
{
    // Gate-counted lots: p-ltk-04 (18 spaces, 10 occupied: 8 free), p-thd-04 (16, 13 occupied: 3 free), p-ltk-07 (17, full).
    private const string RoomyLot = "p-ltk-04";
    private const string LastThreeLot = "p-thd-04";
    private const string FullLot = "p-ltk-07";

    private ParkingApp _app = null!;

    /// <summary>A real SignalR subscriber checks that plates never reach the live feed.</summary>
    protected override bool WithKestrel => true;

    [OneTimeSetUp]
    public async Task Occupy()
    {
        await Host.CountAtGates(DateTimeOffset.UtcNow, (RoomyLot, 10), (LastThreeLot, 13), (FullLot, 17));
        _app = ParkingApp.For(Host);
    }

    [OneTimeTearDown]
    public void CloseApp() => _app.Dispose();

    private static async Task<string> SessionId(HttpResponseMessage response)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await ParkingApp.Body(response)).GetProperty("sessionId").GetString()!;
    }

    private static long Derived(JsonElement state, string name) =>
        state.GetProperty("derived").TryGetProperty(name, out var value) && value.TryGetInt64(out var number) ? number : -1;

    private static async Task<string?> Refusal(HttpResponseMessage response) =>
        (await ParkingApp.Body(response)).TryGetProperty("refusal", out var r) ? r.GetString() : null;

    [Test]
    public async Task Session_StartsEndsWithItsFee_AndIsPaidOnce()
    {
        using var started = await _app.StartSession(RoomyLot, "30a 123.45", "car");
        var id = await SessionId(started);
        var open = await _app.Read($"/api/v1/parking/sessions/{id}");
        Assert.That((open.GetProperty("status").GetString(), open.GetProperty("plate").GetString()), Is.EqualTo(("open", "30A-123.45")), "the plate is kept in its canonical form");

        using var ended = await _app.End(id);
        Assert.That(ended.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var fee = (await ParkingApp.Body(ended)).GetProperty("fee");
        Assert.That(fee.GetProperty("minutes").GetInt32(), Is.EqualTo(1), "a few seconds count as one started minute");
        var line = fee.GetProperty("lines")[0];
        Assert.That(line.GetProperty("kind").GetString(), Is.EqualTo("first-block"));
        var total = fee.GetProperty("totalVnd").GetInt64();
        Assert.That(total, Is.EqualTo(line.GetProperty("amountVnd").GetInt64()).And.AnyOf(30_000L, 40_000L), "the car's first block, by day or by night");

        using var operatorClient = await Host.SignedIn("operator");
        var unpaid = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/parking/sessions?status=unpaid");
        Assert.That(unpaid.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()), Does.Contain(id));

        using (var wrong = await _app.Pay(id, total - 1, "ref-1"))
            Assert.That((wrong.StatusCode, await Refusal(wrong)), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "amount-mismatch")));
        using (var paid = await _app.Pay(id, total, "ref-2"))
            Assert.That((await ParkingApp.Body(paid)).GetProperty("status").GetString(), Is.EqualTo("paid"));
        using (var again = await _app.Pay(id, total, "ref-2"))
        {
            Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a repeated report is idempotent");
            Assert.That((await ParkingApp.Body(again)).GetProperty("payments").GetArrayLength(), Is.EqualTo(1), "and recorded once");
        }

        using (var second = await _app.Pay(id, total, "ref-3"))
            Assert.That((second.StatusCode, await Refusal(second)), Is.EqualTo((HttpStatusCode.Conflict, "already-paid")), "never charged twice");
        using (var endAgain = await _app.End(id))
            Assert.That((await ParkingApp.Body(endAgain)).GetProperty("fee").GetProperty("totalVnd").GetInt64(), Is.EqualTo(total), "ending twice changes nothing");

        unpaid = await operatorClient.GetFromJsonAsync<JsonElement>("/api/v1/parking/sessions?status=unpaid");
        Assert.That(unpaid.GetProperty("sessions").EnumerateArray().Select(s => s.GetProperty("sessionId").GetString()), Does.Not.Contain(id));
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Figure("paidTodayVnd") >= total, "the lot's tile to count the payment");
    }

    [Test]
    public async Task Retries_WithTheSameKey_StartOneSession()
    {
        var key = Guid.NewGuid().ToString();
        var desk = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ControlCenter.Contracts.Grains.ILotDeskGrain>(RoomyLot);
        var openBefore = (await desk.GetBookings()).OpenSessions;
        var attempts = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.StartSession(RoomyLot, "29A-111.22", key: key)));
        var statuses = attempts.Select(a => a.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(1), "one request creates it");
        Assert.That(statuses.Count(s => s == HttpStatusCode.OK), Is.EqualTo(5), "the retries replay its answer");
        Assert.That(attempts.Where(a => a.StatusCode == HttpStatusCode.OK).All(a => a.Headers.Contains("Idempotent-Replayed")), Is.True);
        var ids = await Task.WhenAll(attempts.Select(async a => (await ParkingApp.Body(a)).GetProperty("sessionId").GetString()));
        Assert.That(ids.Distinct().Count(), Is.EqualTo(1));

        using (var changed = await _app.StartSession(RoomyLot, "29A-111.23", key: key))
            Assert.That((changed.StatusCode, await Refusal(changed)), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "idempotency-key-reused")));
        Assert.That((await desk.GetBookings()).OpenSessions, Is.EqualTo(openBefore + 1), "the lot's desk counts one session");
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Figure("sessionsOpen") == openBefore + 1, "the lot's tile to agree");
        using var end = await _app.End(ids[0]!);
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task APlate_HasOneOpenSession_InWhateverFormItIsTyped()
    {
        var first = await SessionId(await _app.StartSession(RoomyLot, "51F-987.65"));
        using (var twice = await _app.StartSession(FullLot, "51f98765"))
            Assert.That((twice.StatusCode, await Refusal(twice)), Is.EqualTo((HttpStatusCode.Conflict, "plate-busy")));
        using (var hold = await _app.Hold(RoomyLot, "51F-987.65"))
            Assert.That((hold.StatusCode, await Refusal(hold)), Is.EqualTo((HttpStatusCode.Conflict, "plate-busy")), "a parked car holds no second space");
        using (var end = await _app.End(first)) Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var next = await SessionId(await _app.StartSession(RoomyLot, "51F-987.65"));
        using (var end = await _app.End(next)) Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("")]
    [TestCase("ABC-123")]
    [TestCase("10A-123.45")]
    [TestCase("30A-12.34")]
    [TestCase("30A-123456")]
    [TestCase("30A-123.45; DROP TABLE")]
    [TestCase("３０A-123.45")]
    public async Task Plates_ThatAreNotVietnamese_Are400(string plate)
    {
        using var response = await _app.StartSession(RoomyLot, plate);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task HostileRequests_AreRefusedClearly()
    {
        using (var noKey = await _app.Client.PostAsJsonAsync("/api/v1/parking/sessions", new { lotId = RoomyLot, plate = "30A-123.45" }))
            Assert.That(noKey.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "no Idempotency-Key");
        using (var longKey = await _app.StartSession(RoomyLot, "30A-555.55", key: new string('k', 129)))
            Assert.That(longKey.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var noLot = await _app.StartSession("p-nowhere", "30A-555.55")) Assert.That(noLot.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var tank = await _app.StartSession(RoomyLot, "30A-555.55", "tank")) Assert.That(tank.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var junk = await _app.Client.PostAsync("/api/v1/parking/sessions", new StringContent("{\"lotId\":", System.Text.Encoding.UTF8, "application/json")))
            Assert.That(junk.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var unknown = await _app.End("s.000000000000000000000000")) Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        using (var odd = await _app.End("s.zzzzzzzzzzzzzzzzzzzzzzzz")) Assert.That(odd.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "not a session id: no grain made");

        var id = await SessionId(await _app.StartSession(RoomyLot, "30A-555.55"));
        using (var early = await _app.Pay(id, 30_000, "early"))
            Assert.That((early.StatusCode, await Refusal(early)), Is.EqualTo((HttpStatusCode.Conflict, "still-open")), "no payment before the end");
        using (var negative = await _app.Pay(id, -5, "neg")) Assert.That(negative.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var status = await _app.Pay(id, 5, "st", "maybe")) Assert.That(status.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using (var end = await _app.End(id)) Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task FullAndClosedLots_Refuse_WithTheReason()
    {
        using (var full = await _app.StartSession(FullLot, "30E-222.33"))
            Assert.That((full.StatusCode, await Refusal(full)), Is.EqualTo((HttpStatusCode.Conflict, "full")));
        using (var hold = await _app.Hold(FullLot, "30E-222.33"))
            Assert.That((hold.StatusCode, await Refusal(hold)), Is.EqualTo((HttpStatusCode.Conflict, "full")));

        using var op = await Host.SignedIn("operator");
        using (var close = await op.PostAsJsonAsync($"/api/v1/parking/lots/{FullLot}/close", new { reason = "kiểm tra" }))
            Assert.That(close.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var closed = await _app.StartSession(FullLot, "30E-222.33"))
            Assert.That((closed.StatusCode, await Refusal(closed)), Is.EqualTo((HttpStatusCode.Conflict, "closed")));
        using (var reopen = await op.PostAsync($"/api/v1/parking/lots/{FullLot}/reopen", null))
            Assert.That(reopen.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
    }

    [Test]
    public async Task ALotWhoseSensorsAreSilent_TakesSessions_ButPromisesNoHolds()
    {
        // p-thd-08's spot sensors never reported: no space can be promised, but a driver already parked may pay.
        using (var hold = await _app.Hold("p-thd-08", "30G-444.55"))
            Assert.That((hold.StatusCode, await Refusal(hold)), Is.EqualTo((HttpStatusCode.Conflict, "no-data")));
        var id = await SessionId(await _app.StartSession("p-thd-08", "30G-444.55"));
        using var end = await _app.End(id);
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AHold_TakesASpaceForSearch_AndTurnsIntoASession()
    {
        var freeBefore = (await Host.Entity(RoomyLot)).Figure("free");
        using var placed = await _app.Hold(RoomyLot, "30K-678.90", "car");
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created), await placed.Content.ReadAsStringAsync());
        var hold = await ParkingApp.Body(placed);
        var holdId = hold.GetProperty("holdId").GetString()!;
        var expires = hold.GetProperty("expiresAt").GetDateTimeOffset() - hold.GetProperty("placedAt").GetDateTimeOffset();
        Assert.That(expires, Is.EqualTo(TimeSpan.FromMinutes(10)), "the default hold");
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Figure("held") == 1 && s.Figure("free") == freeBefore - 1,
            "the held space to be taken off the free ones");

        using (var other = await _app.Hold(RoomyLot, "30K-678.90"))
            Assert.That((other.StatusCode, await Refusal(other)), Is.EqualTo((HttpStatusCode.Conflict, "plate-busy")), "one hold per plate");
        using (var mismatch = await _app.StartSession(RoomyLot, "30K-678.91", holdId: holdId))
            Assert.That((mismatch.StatusCode, await Refusal(mismatch)), Is.EqualTo((HttpStatusCode.UnprocessableEntity, "hold-mismatch")));

        var sessionId = await SessionId(await _app.StartSession(RoomyLot, "30K 678.90", holdId: holdId));
        var used = await _app.Read($"/api/v1/parking/holds/{holdId}");
        Assert.That((used.GetProperty("status").GetString(), used.GetProperty("sessionId").GetString()), Is.EqualTo(("used", sessionId)));
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Figure("held") == 0 && s.Figure("free") == freeBefore - 1,
            "the space to pass from the hold to the arriving session");
        using (var reuse = await _app.StartSession(RoomyLot, "30K-678.90", holdId: holdId))
            Assert.That(reuse.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "a used hold is not used twice");
        using var end = await _app.End(sessionId);
        Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task AReleasedHold_GivesItsSpaceBack()
    {
        using var placed = await _app.Hold(RoomyLot, "30L-246.80");
        var holdId = (await ParkingApp.Body(placed)).GetProperty("holdId").GetString()!;
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Figure("held") >= 1, "the hold on the tile");
        using var released = await _app.Client.DeleteAsync($"/api/v1/parking/holds/{holdId}");
        Assert.That((await ParkingApp.Body(released)).GetProperty("status").GetString(), Is.EqualTo("released"));
        await Eventually.Until(() => Host.Entity(RoomyLot), s => s.Derived["held"]?.ToString() == "0", "the hold to be gone from the tile");
        using (var missing = await _app.Client.DeleteAsync("/api/v1/parking/holds/h.p-ltk-04.nothing")) Assert.That(missing.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task FiftyDrivers_RacingForTheLastThreeSpaces_GetExactlyThree()
    {
        var attempts = await Task.WhenAll(Enumerable.Range(0, 50).Select(i =>
        {
            var plate = $"29C-{100 + i:000}.{i:00}";
            return i % 2 == 0 ? _app.Hold(LastThreeLot, plate) : _app.StartSession(LastThreeLot, plate);
        }));
        var statuses = attempts.Select(a => a.StatusCode).ToList();
        Assert.That(statuses.Count(s => s == HttpStatusCode.Created), Is.EqualTo(3), string.Join(", ", statuses));
        Assert.That(statuses.Count(s => s == HttpStatusCode.Conflict), Is.EqualTo(47));
        foreach (var refused in attempts.Where(a => a.StatusCode == HttpStatusCode.Conflict)) Assert.That(await Refusal(refused), Is.EqualTo("full"));

        // A lot whose spaces are all held or arriving is not offered by search.
        using var client = Host.CreateClient();
        const string nearIt = "lat=21.021168&lon=105.851695&radiusM=50";
        var search = await Eventually.Until(() => client.GetFromJsonAsync<JsonElement>($"/api/v1/parking/search?{nearIt}&includeUnavailable=true"),
            r => r.GetProperty("lots").EnumerateArray().Any(l => l.GetProperty("lotId").GetString() == LastThreeLot && !l.GetProperty("offered").GetBoolean()),
            "the taken lot to be flagged");
        var lot = search.GetProperty("lots").EnumerateArray().Single(l => l.GetProperty("lotId").GetString() == LastThreeLot);
        Assert.That(lot.GetProperty("notOfferedBecause").GetString(), Is.EqualTo("full"));
    }

    [Test]
    public async Task TheAppKey_ReachesParkingOnly_AndEachAppSeesItsOwnSessions()
    {
        using var admin = await Host.SignedIn("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/app-keys", new { name = "ung-dung-thu-hai" });
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var created2 = await ParkingApp.Body(created);
        var secondKey = created2.GetProperty("key").GetString()!;
        using var second = ParkingApp.For(Host, secondKey);

        var mine = await SessionId(await _app.StartSession(RoomyLot, "30M-101.01"));
        using (var theirs = await second.Client.GetAsync($"/api/v1/parking/sessions/{mine}"))
            Assert.That(theirs.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "another app cannot read it");
        using (var theirEnd = await second.End(mine)) Assert.That(theirEnd.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nor end it");
        using (var search = await second.Client.GetAsync("/api/v1/parking/search?lat=21.023262&lon=105.851256"))
            Assert.That(search.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the app searches with its own key");
        foreach (var elsewhere in new[] { "/api/v1/entities/p-ltk-04", "/api/v1/catalog", "/api/v1/alerts", "/api/v1/parking/sessions?status=unpaid" })
        {
            using var refused = await second.Client.GetAsync(elsewhere);
            Assert.That(refused.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), $"{elsewhere} is not the app's");
        }

        using (var feed = Host.CreateClient())
        using (var feedStart = await feed.PostAsJsonAsync("/api/v1/parking/sessions", new { lotId = RoomyLot, plate = "30M-202.02" }))
            Assert.That(feedStart.StatusCode, Is.AnyOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden), "a feed token starts no session");
        using var responder = await Host.SignedIn("responder");
        using (var notOperator = await responder.GetAsync($"/api/v1/parking/sessions/{mine}")) Assert.That(notOperator.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        using var op = await Host.SignedIn("operator");
        using (var operatorRead = await op.GetAsync($"/api/v1/parking/sessions/{mine}")) Assert.That(operatorRead.StatusCode, Is.EqualTo(HttpStatusCode.OK));

        var id = created2.GetProperty("credential").GetProperty("id").GetString();
        using (var revoke = await admin.DeleteAsync($"/api/v1/admin/app-keys/{id}")) Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using (var revoked = await second.StartSession(RoomyLot, "30M-303.03")) Assert.That(revoked.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        using (var end = await _app.End(mine)) Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Plates_NeverReachTheLiveFeed()
    {
        await using var feed = await FeedClient.Connect(Host.ServerAddress);
        await feed.Subscribe("parking", "kpi", "zone:hoan-kiem");
        const string plate = "30N-777.88";
        var desk = Host.Services.GetRequiredService<IGrainFactory>().GetGrain<ControlCenter.Contracts.Grains.ILotDeskGrain>(RoomyLot);
        var id = await SessionId(await _app.StartSession(RoomyLot, plate));
        var today = (await desk.GetBookings()).SessionsToday;
        await Eventually.Until(() => Task.FromResult(feed.StatesOf(RoomyLot)), states => states.Any(s => Derived(s, "sessionsToday") == today),
            "the lot's state with the new session on the feed");
        using (var end = await _app.End(id)) Assert.That(end.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var revenue = (await desk.GetBookings()).RevenueTodayVnd;
        await Eventually.Until(() => Task.FromResult(feed.StatesOf(RoomyLot)), states => states.Any(s => Derived(s, "revenueTodayVnd") == revenue),
            "the lot's state with the ended session's fee on the feed");
        var everything = string.Join("\n", feed.States.Select(s => s.ToString()).Concat(feed.Alerts.Select(a => a.ToString())));
        Assert.That(everything, Does.Not.Contain("777.88").And.Not.Contain("30N"), "no plate in any feed message");
    }
}
