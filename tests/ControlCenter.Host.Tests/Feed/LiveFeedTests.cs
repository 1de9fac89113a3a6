using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Feed;

/// <summary>The live feed through real SignalR clients against the real host on a loopback port.</summary>
public class LiveFeedTests : SqliteHostFixture
{
    private HttpClient _ingest = null!;

    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    protected override bool WithKestrel => true;

    /// <summary>A short lag timeout, so that the stalled-client test sees lagging quickly.</summary>
    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(new[] { ("Feed:LagTimeout", "00:00:01") });

    [OneTimeSetUp]
    public void CreateClient() => _ingest = Host.Ingester();

    [OneTimeTearDown]
    public void DisposeClient() => _ingest.Dispose();

    private async Task Ingest(params object[] readings)
    {
        using var response = await _ingest.PostAsJsonAsync("/api/v1/readings", Json.Batch(readings));
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
    }

    private static long Version(JsonElement state) => state.GetProperty("version").GetInt64();

    [Test]
    public async Task WallPicture_WhenItsSessionBreaks_SaysSoAndComesBackByItself()
    {
        var picture = new ControlCenter.Host.Wall.WallFeed();
        var failOnce = 1;
        var sawBroken = false;
        picture.Changed += ids =>
        {
            sawBroken |= picture.Broken;
            // A failure while a delivery is applied breaks the session, as a resync that a stopping silo does not answer does.
            if (ids.Contains("fl-hai-ba-trung") && Interlocked.Exchange(ref failOnce, 0) == 1) throw new InvalidOperationException("a delivery failed");
            return Task.CompletedTask;
        };
        await picture.Start(Host.Services.GetRequiredService<LiveFeed>(), TimeProvider.System);
        await using (picture)
        {
            await Ingest(Json.Reading("fl-hai-ba-trung", Now, new { depthCm = 3 }));
            await Eventually.Until(() => Task.FromResult(sawBroken), broken => broken, "the wall's picture to say it is disconnected");

            await Ingest(Json.Reading("fl-hai-ba-trung", Now, new { depthCm = 7 }));
            await Eventually.Until(() => Task.FromResult(picture.FindState("fl-hai-ba-trung")?.Values["depthCm"]), depth => depth == 7 && !picture.Broken,
                "the picture to open a new session by itself and show the next reading");
        }
    }

    [Test]
    public async Task Subscribe_ReturnsSnapshotOfTheTopics()
    {
        await using var client = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await client.Subscribe("parking", "entity:aq-hang-dau", "kpi");

        var ids = snapshot.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("entityId").GetString()).ToList();
        Assert.That(ids, Has.Member("p-ltk-01").And.Member("ps-ltk-01-01").And.Member("pg-ltk-04").And.Member("aq-hang-dau"));
        Assert.That(ids, Has.Count.EqualTo(17 + 197 + 3 + 1));
        Assert.That(snapshot.GetProperty("alerts").GetArrayLength(), Is.Zero);
        Assert.That(snapshot.GetProperty("kpi").GetProperty("tiles").GetArrayLength(), Is.GreaterThan(0));
        var lot = snapshot.GetProperty("items").EnumerateArray().First(i => i.GetProperty("entityId").GetString() == "p-ltk-01");
        Assert.That(lot.GetProperty("derived").GetProperty("capacity").GetInt32(), Is.EqualTo(16));
    }

    [Test]
    public async Task Ingest_SendsStateWithNewValuesAndNextVersion()
    {
        await using var client = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await client.Subscribe("entity:fl-nguyen-chi-thanh");
        var before = Version(snapshot.GetProperty("items")[0]);

        await Ingest(Json.Reading("fl-nguyen-chi-thanh", Now, new { depthCm = 18 }));

        var states = await Eventually.Until(() => Task.FromResult(client.StatesOf("fl-nguyen-chi-thanh")), s => s.Count > 0, "a state message for fl-nguyen-chi-thanh");
        Assert.That(Version(states[0]), Is.EqualTo(before + 1));
        Assert.That(states[0].GetProperty("values").GetProperty("depthCm").GetDouble(), Is.EqualTo(18));
        Assert.That(states[0].GetProperty("status").GetString(), Is.EqualTo("warning"));
        Assert.That(states[0].GetProperty("derived").GetProperty("floodLevel").GetString(), Is.EqualTo("warning"));
    }

    [Test]
    public async Task ZoneTopic_GetsNothingFromOtherZones_EntityTopicOnlyThatEntity()
    {
        await using var zone = await FeedClient.Connect(Host.ServerAddress);
        await using var entity = await FeedClient.Connect(Host.ServerAddress);
        await zone.Subscribe("zone:tay-ho");
        await entity.Subscribe("entity:wq-ho-tay-trung-tam");

        await Ingest(Json.Reading("fl-hai-ba-trung", Now, new { depthCm = 2 }), Json.Reading("rg-ba-dinh", Now, new { rainMm = 0.2 }),
            Json.Reading("wq-ho-tay-tran-quoc", Now, new { @do = 6.5 }));
        // The marker comes last: once it has arrived, anything else would have arrived too.
        await Ingest(Json.Reading("wq-ho-tay-trung-tam", Now, new { @do = 6.0 }));
        await Eventually.Until(() => Task.FromResult(zone.StatesOf("wq-ho-tay-trung-tam").Count + entity.StatesOf("wq-ho-tay-trung-tam").Count),
            n => n >= 2, "the marker on both subscribers");

        Assert.That(zone.States.Select(s => s.GetProperty("zoneId").GetString()).Distinct(), Is.EqualTo(new[] { "tay-ho" }));
        Assert.That(zone.StatesOf("wq-ho-tay-tran-quoc"), Is.Not.Empty);
        Assert.That(entity.States.Select(s => s.GetProperty("entityId").GetString()).Distinct(), Is.EqualTo(new[] { "wq-ho-tay-trung-tam" }));
    }

    [Test]
    public async Task HundredReadingsInQuickSuccession_AreCoalesced_LastValueWins_VersionsOnlyGrow()
    {
        await using var client = await FeedClient.Connect(Host.ServerAddress);
        await client.Subscribe("entity:rg-cau-giay");
        var start = Now.AddMinutes(-3);

        for (var i = 1; i <= 100; i++) await Ingest(Json.Reading("rg-cau-giay", start.AddSeconds(i), new { rainMm = i / 10.0 }));

        var states = await Eventually.Until(() => Task.FromResult(client.StatesOf("rg-cau-giay")),
            s => s.Count > 0 && s[^1].GetProperty("values").GetProperty("rainMm").GetDouble() == 10.0, "the last reading's value on the feed");
        var versions = states.Select(Version).ToList();
        Assert.That(versions, Is.Ordered.Ascending.And.Unique);
        Assert.That(states, Has.Count.LessThan(100), "changes inside one flush interval are coalesced");
    }

    [Test]
    public async Task Tokens_RefuseTopicsOutsideTheirScope_AndAnonymousConnections()
    {
        await using var parkingApp = await FeedClient.Connect(Host.ServerAddress, CityHost.ParkingOnlyToken);
        Assert.That((await parkingApp.Subscribe("parking", "entity:p-ltk-01")).GetProperty("items").GetArrayLength(), Is.GreaterThan(0));
        var refused = await Assert.ThrowsAsync<HubException>(() => parkingApp.Subscribe("air"));
        Assert.That(refused!.Message, Does.Contain("not allowed for this token"));
        var unknown = await Assert.ThrowsAsync<HubException>(() => parkingApp.Subscribe("entity:no-such-thing"));
        Assert.That(unknown!.Message, Does.Contain("no entity"));

        await Assert.ThrowsAsync<HttpRequestException>(() => FeedClient.Connect(Host.ServerAddress, token: null));
        await Assert.ThrowsAsync<HttpRequestException>(() => FeedClient.Connect(Host.ServerAddress, token: "wrong-token"));
    }

    [Test]
    public async Task Reconnect_AfterChangesMeanwhile_EndsAtTheCurrentState()
    {
        var first = await FeedClient.Connect(Host.ServerAddress);
        await first.Subscribe("entity:fl-hoang-quoc-viet");
        await Ingest(Json.Reading("fl-hoang-quoc-viet", Now.AddSeconds(-30), new { depthCm = 5 }));
        var seen = await Eventually.Until(() => Task.FromResult(first.StatesOf("fl-hoang-quoc-viet")), s => s.Count > 0, "the first change");
        var lastSeen = Version(seen[^1]);
        await first.DisposeAsync();

        await Ingest(Json.Reading("fl-hoang-quoc-viet", Now.AddSeconds(-20), new { depthCm = 15 }));
        await Ingest(Json.Reading("fl-hoang-quoc-viet", Now.AddSeconds(-10), new { depthCm = 25 }));

        await using var second = await FeedClient.Connect(Host.ServerAddress);
        var snapshot = await second.Subscribe("entity:fl-hoang-quoc-viet");
        var current = snapshot.GetProperty("items")[0];
        Assert.That(Version(current), Is.EqualTo(lastSeen + 2));
        Assert.That(current.GetProperty("values").GetProperty("depthCm").GetDouble(), Is.EqualTo(25));
        // A change announced while the snapshot was read may arrive after it with the same version: the feed's rule
        // (docs/live-feed.md) is that clients ignore what is not higher, so only an older version would be wrong.
        Assert.That(second.States.Select(Version), Has.All.GreaterThanOrEqualTo(Version(current)), "nothing older than the snapshot follows it");
    }

    [Test]
    public async Task StalledClient_DoesNotDelayHealthyClient_AndIsMarkedLaggingWithBoundedBuffer()
    {
        await using var healthy = await FeedClient.Connect(Host.ServerAddress);
        await healthy.Subscribe("parking");
        using var stalled = await StalledLongPollingClient.Subscribe(Host.ServerAddress, "parking");
        var feed = Host.Services.GetRequiredService<LiveFeed>();

        // Each round changes 42 spots and 3 lots: a few rounds overflow the stalled connection's buffer.
        var spots = new[] { ("ltk-01", 16), ("ltk-02", 14), ("ltk-03", 12) }
            .SelectMany(lot => Enumerable.Range(1, lot.Item2).Select(i => $"ps-{lot.Item1}-{i:00}")).ToArray();
        FeedSubscription? lagging = null;
        for (var round = 1; round <= 30 && lagging is null; round++)
        {
            var ts = Now.AddSeconds(-120 + round);
            await Ingest(spots.Select(id => (object)Json.Reading(id, ts, new { occupied = round % 2 })).ToArray());
            await Eventually.Until(() => Task.FromResult(healthy.StatesOf("ps-ltk-03-12").Select(Version).DefaultIfEmpty().Max()),
                v => v >= round, $"round {round} on the healthy client", TimeSpan.FromSeconds(3));
            lagging = feed.Subscriptions.FirstOrDefault(s => s.LagCount > 0);
        }

        var subscription = await Eventually.Until(() => Task.FromResult(feed.Subscriptions.FirstOrDefault(s => s.LagCount > 0)),
            s => s is not null, "the stalled connection to be marked lagging", TimeSpan.FromSeconds(5));
        Assert.That(subscription!.Pending, Is.LessThanOrEqualTo(feed.Options.MaxPendingPerSubscriber));
        Assert.That(healthy.Other, Is.Empty, "the healthy client was never lagging");
    }

    [Test]
    public async Task InProcessFeed_SnapshotThenChanges_StopsOnDispose()
    {
        var feed = Host.Services.GetRequiredService<LiveFeed>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var session = await feed.Open(["entity:rg-dong-da", "kpi"], cancel.Token);
        var before = session.Snapshot.Items.Single().Version;
        Assert.That(session.Snapshot.Kpi, Is.Not.Null);

        await Ingest(Json.Reading("rg-dong-da", Now, new { rainMm = 2.5 }));
        FeedDelivery? delivery = null;
        await foreach (var d in session.Changes(cancel.Token))
        {
            if (d.States.Any(s => s.EntityId == "rg-dong-da")) { delivery = d; break; }
        }

        var state = delivery!.States.Single(s => s.EntityId == "rg-dong-da");
        Assert.That((state.Version, state.Values["rainMm"]), Is.EqualTo((before + 1, 2.5)));
        var subscribers = feed.Subscribers;
        await session.DisposeAsync();
        Assert.That(feed.Subscribers, Is.EqualTo(subscribers - 1));
    }

    [Test]
    public async Task MissedBatch_ResyncsEverySubscriberWithASnapshot()
    {
        var feed = Host.Services.GetRequiredService<LiveFeed>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var session = await feed.Open(["entity:rg-hai-ba-trung"], cancel.Token);
        var gaps = feed.GapsDetected;

        // A publisher's batches 1 and 3 arrive; 2 never does.
        feed.Publish(new Contracts.Messages.FeedBatch([], null, "test-publisher", 1));
        feed.Publish(new Contracts.Messages.FeedBatch([], null, "test-publisher", 3));

        await using var changes = session.Changes(cancel.Token).GetAsyncEnumerator(cancel.Token);
        Assert.That(await changes.MoveNextAsync(), Is.True);
        Assert.That(changes.Current.Lagging, Is.True);
        Assert.That(changes.Current.States.Select(s => s.EntityId), Is.EqualTo(new[] { "rg-hai-ba-trung" }), "the resync carries the current state");
        Assert.That(feed.GapsDetected, Is.EqualTo(gaps + 1));
    }

    /// <summary>
    /// A client that negotiates long polling, subscribes, and then never polls: the server's sends to it
    /// pile up until its connection buffer is full, exactly as with a client that stopped reading.
    /// </summary>
    private sealed class StalledLongPollingClient : IDisposable
    {
        private readonly HttpClient _http;

        private StalledLongPollingClient(HttpClient http) => _http = http;

        public static async Task<StalledLongPollingClient> Subscribe(Uri server, string topic)
        {
            var http = new HttpClient { BaseAddress = server };
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", CityHost.FeedToken);
            using var negotiate = await http.PostAsync("/hubs/live/negotiate?negotiateVersion=1", null);
            var token = (await negotiate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();
            // The first poll starts the connection on the server and returns at once; there will be no second.
            using var firstPoll = await http.GetAsync($"/hubs/live?id={token}");
            firstPoll.EnsureSuccessStatusCode();
            const char separator = '\u001e';
            var body = "{\"protocol\":\"json\",\"version\":1}" + separator
                + "{\"type\":1,\"invocationId\":\"1\",\"target\":\"Subscribe\",\"arguments\":[[\"" + topic + "\"]]}" + separator;
            using var send = await http.PostAsync($"/hubs/live?id={token}", new StringContent(body, Encoding.UTF8, "text/plain"));
            send.EnsureSuccessStatusCode();
            return new StalledLongPollingClient(http);
        }

        public void Dispose() => _http.Dispose();
    }
}
