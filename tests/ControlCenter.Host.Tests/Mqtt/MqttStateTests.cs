using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;

namespace ControlCenter.Host.Tests.Mqtt;

/// <summary>
/// Live state over MQTT for other systems: retained state per entity with its version, alerts, KPIs, and topic
/// scopes enforced message by message (wildcards and retained messages included).
/// </summary>
public class MqttStateTests : SqliteHostFixture
{
    private const string AirOnlyToken = "air-only-token";

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult<(string, string)[]>(
    [
        ("Feed:Tokens:2:Name", "air-dashboard"), ("Feed:Tokens:2:Token", AirOnlyToken), ("Feed:Tokens:2:Topics:0", "air"),
    ]);

    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());

    private Task<MqttTestClient> System(string name = "dev-portal", string token = CityHost.FeedToken) =>
        MqttTestClient.Connected(Host.MqttPort, name, token);

    private Task<MqttTestClient> Gateway() => MqttTestClient.Connected(Host.MqttPort, "dev-gateway", CityHost.DevKey);

    private async Task<long> MqttConnections()
    {
        using var client = Host.CreateClient();
        var line = (await client.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith("controlcenter_mqtt_connections ", StringComparison.Ordinal));
        return long.Parse(line.Split(' ')[1], CultureInfo.InvariantCulture);
    }

    private static Func<string, JsonElement, bool> StateOf(string entityId, long version) =>
        (topic, body) => topic == $"city/state/{entityId}" && body.GetProperty("version").GetInt64() == version;

    [Test]
    public async Task ASubscriber_GetsTheRetainedStateAtOnce_ThenEachChangeWithItsVersion()
    {
        var current = await Host.Entity("aq-tay-ho");
        await using var system = await System();
        await using var gateway = await Gateway();

        Assert.That(await system.Subscribe("city/state/aq-tay-ho"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        var (_, retained, isRetained) = await system.Next(StateOf("aq-tay-ho", current.Version), "the retained state");
        await gateway.Publish("city/readings/aq-tay-ho", Json.Reading("aq-tay-ho", Now, new { pm25 = 41.5 }));
        var (_, changed, _) = await system.Next(StateOf("aq-tay-ho", current.Version + 1), "the changed state");

        Assert.That((isRetained, retained.GetProperty("kind").GetString(), retained.GetProperty("zoneId").GetString()), Is.EqualTo((true, "air", "tay-ho")));
        Assert.That(changed.GetProperty("values").GetProperty("pm25").GetDouble(), Is.EqualTo(41.5));
        Assert.That(changed.TryGetProperty("derived", out _), Is.True, "the feed's state object, derived figures included");
    }

    [Test]
    public async Task ASubscriberWithAPersistentSession_GetsWhatChangedWhileItWasAway()
    {
        var current = await Host.Entity("wq-ho-tay-trung-tam");
        await using var present = await System();
        await present.Subscribe("city/state/wq-ho-tay-trung-tam");
        var connectionsBefore = await MqttConnections();
        var (away, _) = await MqttTestClient.Connect(Host.MqttPort, "dev-portal", CityHost.FeedToken, "lake-board", cleanSession: false);
        await away.Subscribe("city/state/wq-ho-tay-trung-tam");
        await away.Next(StateOf("wq-ho-tay-trung-tam", current.Version), "the retained state");
        await away.DisposeAsync();
        // Really away: the broker has closed its side of the connection and put the session offline (a message sent
        // before that goes to the dead connection and is lost with it, rather than queued for the session).
        await Eventually.Until(MqttConnections, n => n == connectionsBefore, "the broker to see the board's connection end");
        var broker = Host.Services.GetRequiredService<ControlCenter.Host.Mqtt.MqttBroker>();
        await Eventually.Until(() => broker.IsConnected("lake-board"), connected => !connected, "the broker to hold the board's session offline");

        await using (var gateway = await Gateway())
            await gateway.Publish("city/readings/wq-ho-tay-trung-tam", Json.Reading("wq-ho-tay-trung-tam", Now, new { @do = 3.1 }));
        // Published while the board was away: a client that stayed saw it.
        await present.Next(StateOf("wq-ho-tay-trung-tam", current.Version + 1), "the change, by a client that stayed");

        var (back, result) = await MqttTestClient.Connect(Host.MqttPort, "dev-portal", CityHost.FeedToken, "lake-board", cleanSession: false);
        await using (back)
        {
            Assert.That(result.IsSessionPresent, Is.True);
            var (_, changed, _) = await back.Next(StateOf("wq-ho-tay-trung-tam", current.Version + 1), "the change queued for the session");
            Assert.That(changed.GetProperty("values").GetProperty("do").GetDouble(), Is.EqualTo(3.1));
        }
    }

    [Test]
    public async Task AnotherCredential_CannotTakeOverAClientId_NorInheritItsQueuedMessages()
    {
        var (owner, _) = await MqttTestClient.Connect(Host.MqttPort, "dev-portal", CityHost.FeedToken, "city-board", cleanSession: false);
        await owner.Subscribe("city/state/#");
        await owner.DisposeAsync();

        var (intruder, refused) = await MqttTestClient.Connect(Host.MqttPort, "air-dashboard", AirOnlyToken, "city-board", cleanSession: false);
        await intruder.DisposeAsync();
        var (again, accepted) = await MqttTestClient.Connect(Host.MqttPort, "dev-portal", CityHost.FeedToken, "city-board", cleanSession: false);
        await again.DisposeAsync();

        Assert.That(refused.ResultCode, Is.EqualTo(MqttClientConnectResultCode.NotAuthorized));
        Assert.That((accepted.ResultCode, accepted.IsSessionPresent), Is.EqualTo((MqttClientConnectResultCode.Success, true)), "its owner comes back to its session");
    }

    [Test]
    public async Task TheBroker_AllowsFewTopicAliases_AndAHundredFiltersASession()
    {
        var (system, connected) = await MqttTestClient.Connect(Host.MqttPort, "dev-portal", CityHost.FeedToken, $"filters-{Guid.NewGuid():N}");
        await using (system)
        {
            var granted = new List<MqttClientSubscribeResultCode>();
            for (var i = 0; i < 101; i++) granted.Add(await system.Subscribe($"city/state/sensor-{i}"));

            Assert.That(connected.TopicAliasMaximum, Is.EqualTo(16));
            Assert.That(granted.Take(100), Is.All.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
            Assert.That(granted[100], Is.EqualTo(MqttClientSubscribeResultCode.QuotaExceeded));
            Assert.That(await system.Subscribe("city/state/sensor-0"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1), "a filter it has may be renewed");
        }
    }

    [Test]
    public async Task AnAirOnlyToken_WithAWildcard_ReadsAirStatesOnly()
    {
        await using var everything = await System();
        await using var airOnly = await System("air-dashboard", AirOnlyToken);
        await using var gateway = await Gateway();
        await everything.Subscribe("city/#");
        Assert.That(await airOnly.Subscribe("#"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        Assert.That(await airOnly.Subscribe("city/errors/#"), Is.EqualTo(MqttClientSubscribeResultCode.NotAuthorized));
        var rain = await Host.Entity("rg-cau-giay");
        var air = await Host.Entity("aq-nhan-chinh");

        // The rain gauge's change is sent first: had the air-only client been given it, it would come before the air one.
        await gateway.Publish("city/readings/rg-cau-giay", Json.Reading("rg-cau-giay", Now, new { rainMm = 4 }));
        await everything.Next(StateOf("rg-cau-giay", rain.Version + 1), "the rain gauge's change (unscoped token)");
        await gateway.Publish("city/readings/aq-nhan-chinh", Json.Reading("aq-nhan-chinh", Now, new { pm25 = 20 }));
        await airOnly.Next(StateOf("aq-nhan-chinh", air.Version + 1), "the air station's change");

        var topics = airOnly.Received().Select(m => m.Topic).ToList();
        Assert.That(topics, Has.None.Matches<string>(t => t!.StartsWith("city/state/rg-", StringComparison.Ordinal) || t.StartsWith("city/alerts/", StringComparison.Ordinal) || t == "city/kpi"),
            "neither retained nor live: rain, alerts and KPIs are outside the token's topics");
    }

    [Test]
    public async Task AnAlert_IsRetainedWhileOpen_SentOnceResolved_ThenLeavesTheRetainedSet()
    {
        await using var system = await System();
        await system.Subscribe("city/alerts/#");
        using var op = await Host.SignedIn("operator");
        using var raised = await op.PostAsJsonAsync("/api/v1/alerts", new { title = "Cây đổ trên đường Thụy Khuê", severity = "major", zoneId = "tay-ho" });
        var id = (await raised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var (_, open, _) = await system.Next((topic, _) => topic == $"city/alerts/{id}", "the raised alert");
        using var resolved = await op.PostAsJsonAsync($"/api/v1/alerts/{id}/resolve", new { note = "đã dọn" });
        var (_, closed, _) = await system.Next((topic, body) => topic == $"city/alerts/{id}" && body.GetProperty("status").GetString() == "resolved", "the resolved alert");

        Assert.That(open.GetProperty("title").GetString(), Is.EqualTo("Cây đổ trên đường Thụy Khuê"));
        Assert.That(closed.GetProperty("version").GetInt64(), Is.GreaterThan(open.GetProperty("version").GetInt64()));
        await using var later = await System();
        await later.Subscribe("city/alerts/#");
        // Retained messages come in one go on subscribing; the KPI one shows they have arrived.
        await later.Subscribe("city/kpi");
        await later.Next((topic, _) => topic == "city/kpi", "the retained KPI tiles");
        Assert.That(later.Received().Select(m => m.Topic), Has.None.EqualTo($"city/alerts/{id}"), "a resolved alert is not retained");
    }

    [Test]
    public async Task ARevokedFeedToken_LosesItsMqttConnection()
    {
        using var admin = await Host.SignedIn("admin");
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/feed-tokens", new { name = "short-lived", topics = new[] { "air" } });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        await using var system = await System("short-lived", body.GetProperty("token").GetString()!);

        using var revoked = await admin.DeleteAsync($"/api/v1/admin/feed-tokens/{body.GetProperty("credential").GetProperty("id").GetString()}");

        await Eventually.Until(() => Task.FromResult(system.IsConnected), connected => !connected, "the broker to close the revoked token's connection");
    }
}
