using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ControlCenter.Host.Tests.Mqtt;

/// <summary>
/// Gateways over MQTT, with a real MQTTnet client on the host's broker: the PUBACK comes after the readings are in
/// the log, rejections come back on city/errors/{sensorId} with the HTTP codes, scopes hold, and hostile clients
/// lose only their own connection.
/// </summary>
public class MqttIngestTests : SqliteHostFixture
{
    private const string Gateway = "dev-gateway";
    private const string RetiredGauge = "rg-long-bien";

    private const string SlowKey = "slow-mqtt-gateway-key";

    protected override async Task<(string Key, string Value)[]> Settings(string dataPath) =>
    [
        ("Catalog:Path", await Catalogs.WithRetired(dataPath, RetiredGauge)),
        ("Ingest:Keys:2:Name", "slow-gateway"), ("Ingest:Keys:2:Key", SlowKey), ("Ingest:Keys:2:RequestsPerSecond", "1"),
    ];

    private static DateTimeOffset Now => DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());

    private Task<MqttTestClient> DevGateway() => MqttTestClient.Connected(Host.MqttPort, Gateway, CityHost.DevKey);

    private async Task<long> HistoryCount(string sensorId, string metric, DateTimeOffset from)
    {
        using var client = Host.CreateClient();
        var history = await client.GetFromJsonAsync<JsonElement>(
            $"/api/v1/history/{sensorId}?metric={metric}&from={Uri.EscapeDataString(from.AddMinutes(-1).ToString("O"))}&step=1h");
        return history.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64());
    }

    [Test]
    public async Task OneReading_QoS1_IsAcknowledgedWhenInTheLog_AndShowsInHistoryAndLiveState()
    {
        await using var gateway = await DevGateway();
        var before = await Host.Entity("rg-thanh-xuan");
        var ts = Now;

        // The topic names the sensor: the reading may leave its sensorId out.
        var ack = await gateway.Publish("city/readings/rg-thanh-xuan", new { ts, values = new { rainMm = 2.5 } });

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
        Assert.That(await HistoryCount("rg-thanh-xuan", "rainMm", ts), Is.EqualTo(1), "in the log (the history) by the time the PUBACK came");
        var after = await Host.Entity("rg-thanh-xuan");
        Assert.That((after.Version, after.Values["rainMm"]), Is.EqualTo((before.Version + 1, 2.5)));
    }

    [Test]
    public async Task WhenTheLogCannotAppend_NoPubAckComes_AndTheResendAfterReconnectingLandsOnce()
    {
        var gateway = await MqttTestClient.Connected(Host.MqttPort, Gateway, CityHost.DevKey, "gw-log-down");
        var before = await Host.Entity("aq-luu-quang-vu");
        var reading = Json.Reading("aq-luu-quang-vu", Now.AddMinutes(-3), new { pm10 = 44 });
        await ExecuteOnTheDatabase("ALTER TABLE reading_log RENAME TO reading_log_away");
        Exception? lost;
        bool stillConnected;
        try
        {
            lost = await Assert.CatchAsync(async () => await gateway.Publish("city/readings/aq-luu-quang-vu", reading));
            stillConnected = gateway.IsConnected;
        }
        finally
        {
            await ExecuteOnTheDatabase("ALTER TABLE reading_log_away RENAME TO reading_log");
            await gateway.DisposeAsync();
        }

        Assert.That(lost, Is.Not.Null);
        Assert.That(stillConnected, Is.False, "no PUBACK: the broker closed the connection (not a client-side timeout)");
        Assert.That((await Host.Entity("aq-luu-quang-vu")).Version, Is.EqualTo(before.Version), "nothing of the refused message reached live state");
        await using var again = await MqttTestClient.Connected(Host.MqttPort, Gateway, CityHost.DevKey, "gw-log-down");
        Assert.That((await again.Publish("city/readings/aq-luu-quang-vu", reading)).ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
        var after = await Host.Entity("aq-luu-quang-vu");
        Assert.That((after.Version, after.Values["pm10"]), Is.EqualTo((before.Version + 1, 44.0)), "the resend is applied as if it were the first");
    }

    [Test]
    public async Task AGatewayFasterThanItsKeysRate_IsPaced_NotRefused()
    {
        await using var slow = await MqttTestClient.Connected(Host.MqttPort, "slow-gateway", SlowKey);
        var first = Now.AddSeconds(-10);

        // A rate of 1/s allows a burst of 2: the next two messages wait for their tokens.
        var acks = new List<MqttClientPublishReasonCode>();
        for (var i = 0; i < 4; i++)
            acks.Add((await slow.Publish("city/readings/rg-tay-ho", Json.Reading("rg-tay-ho", first.AddSeconds(i), new { rainMm = 0 }))).ReasonCode);

        Assert.That(acks, Is.All.EqualTo(MqttClientPublishReasonCode.Success));
        using var client = Host.CreateClient();
        var paced = (await client.GetStringAsync("/metrics")).Split('\n').Single(l => l.StartsWith("controlcenter_mqtt_messages_paced_total ", StringComparison.Ordinal));
        Assert.That(long.Parse(paced.Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(1));
    }

    [Test]
    public async Task ABatchMessage_CountsDuplicates_AndRefusesBadReadingsByIndexOnTheErrorsTopic()
    {
        await using var gateway = await DevGateway();
        Assert.That(await gateway.Subscribe("city/errors/rg-ba-dinh"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        var ts = Now;
        await gateway.Publish("city/readings/rg-ba-dinh", Json.Batch(Json.Reading("rg-ba-dinh", ts.AddSeconds(-30), new { rainMm = 1 })));

        var ack = await gateway.Publish("city/readings/rg-ba-dinh", Json.Batch(
            Json.Reading("rg-ba-dinh", ts, new { rainMm = 1.5 }),                 // 0 good
            Json.Reading("rg-ba-dinh", ts.AddSeconds(-30), new { rainMm = 1 }),   // 1 duplicate of the first message
            Json.Reading("rg-ba-dinh", ts, new { pm25 = 1 }),                     // 2 unknown-metric
            Json.Reading("rg-ba-dinh", ts.AddSeconds(-5), new { rainMm = -3 }),   // 3 out-of-range
            Json.Reading("rg-ba-dinh", ts.AddMinutes(10), new { rainMm = 1 }),    // 4 bad-timestamp
            new { sensorId = "rg-ba-dinh", ts, values = new { rainMm = "1" } },  // 5 invalid-reading
            Json.Reading("rg-hoan-kiem", ts, new { rainMm = 1 })));               // 6 invalid-reading: not the topic's sensor

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success), "a bad reading never sinks the rest");
        var (_, report, _) = await gateway.Next((topic, _) => topic == "city/errors/rg-ba-dinh", "the error report");
        Assert.That((report.GetProperty("accepted").GetInt32(), report.GetProperty("duplicates").GetInt32()), Is.EqualTo((1, 1)));
        Assert.That(report.GetProperty("rejected").EnumerateArray().Select(r => (r.GetProperty("index").GetInt32(), r.GetProperty("code").GetString())), Is.EqualTo(new[]
        {
            (2, "unknown-metric"), (3, "out-of-range"), (4, "bad-timestamp"), (5, "invalid-reading"), (6, "invalid-reading"),
        }));
    }

    [TestCase("rg-nowhere", "unknown-sensor")]
    [TestCase(RetiredGauge, "retired-sensor")]
    public async Task ASensorTheCatalogueCannotTake_IsRefusedWithItsCode(string sensorId, string code)
    {
        await using var gateway = await DevGateway();
        await gateway.Subscribe($"city/errors/{sensorId}");

        var ack = await gateway.Publish($"city/readings/{sensorId}", Json.Reading(sensorId, Now, new { rainMm = 1 }));

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.Success));
        var (_, report, _) = await gateway.Next((topic, _) => topic == $"city/errors/{sensorId}", "the error report");
        Assert.That(report.GetProperty("rejected")[0].GetProperty("code").GetString(), Is.EqualTo(code));
    }

    [TestCase("{ not json", 400)]
    [TestCase("[1, 2]", 400)]
    [TestCase("{\"readings\": []}", 400)]
    [TestCase("{\"readings\": 5}", 400)]
    public async Task AMessageThatIsNotReadings_IsRefusedAsAWhole(string payload, int status)
    {
        await using var gateway = await DevGateway();
        await gateway.Subscribe("city/errors/rg-cau-giay");

        var ack = await gateway.Publish("city/readings/rg-cau-giay", payload);

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.PayloadFormatInvalid));
        var (_, report, _) = await gateway.Next((topic, _) => topic == "city/errors/rg-cau-giay", "the problem report");
        Assert.That(report.GetProperty("problem").GetProperty("status").GetInt32(), Is.EqualTo(status));
    }

    [Test]
    public async Task AMessageOverOneMebibyte_IsRefusedWithQuotaExceeded()
    {
        await using var gateway = await DevGateway();
        await gateway.Subscribe("city/errors/rg-cau-giay");

        var ack = await gateway.Publish("city/readings/rg-cau-giay", "{\"readings\": [" + new string(' ', 1024 * 1024) + "]}");

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.QuotaExceeded));
        var (_, report, _) = await gateway.Next((topic, _) => topic == "city/errors/rg-cau-giay", "the problem report");
        Assert.That(report.GetProperty("problem").GetProperty("status").GetInt32(), Is.EqualTo(413));
    }

    [Test]
    public async Task AZoneScopedGateway_CannotWriteAnotherZonesSensor_NorHearItsErrors()
    {
        await using var tayHo = await MqttTestClient.Connected(Host.MqttPort, "tay-ho-gateway", CityHost.TayHoKey);
        await using var everywhere = await DevGateway();
        Assert.That(await tayHo.Subscribe("city/errors/#"), Is.EqualTo(MqttClientSubscribeResultCode.GrantedQoS1));
        var ts = Now;
        var before = await HistoryCount("fl-phan-boi-chau", "depthCm", ts);

        var refused = await tayHo.Publish("city/readings/fl-phan-boi-chau", Json.Reading("fl-phan-boi-chau", ts, new { depthCm = 30 }));
        // Another zone's error first, then its own: messages to one client keep their order.
        await everywhere.Publish("city/readings/fl-phan-boi-chau", Json.Reading("fl-phan-boi-chau", ts, new { pm25 = 1 }));
        await tayHo.Publish("city/readings/rg-tay-ho", Json.Reading("rg-tay-ho", ts, new { pm25 = 1 }));

        Assert.That(refused.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
        Assert.That(await HistoryCount("fl-phan-boi-chau", "depthCm", ts), Is.EqualTo(before), "nothing written outside its zone");
        await tayHo.Next((topic, _) => topic == "city/errors/rg-tay-ho", "its own zone's error");
        Assert.That(tayHo.Received().Select(m => m.Topic), Has.None.EqualTo("city/errors/fl-phan-boi-chau"));
    }

    [TestCase("city/state/rg-hoan-kiem")]
    [TestCase("city/alerts/made-up")]
    [TestCase("city/readings/rg-hoan-kiem/extra")]
    [TestCase("city/readings/RG-HOAN-KIEM")]
    [TestCase("city/kpi")]
    public async Task AGatewayPublishingOutsideCityReadings_IsRefused_AndNobodyReceivesIt(string topic)
    {
        await using var gateway = await DevGateway();
        await using var reader = await MqttTestClient.Connected(Host.MqttPort, "dev-portal", CityHost.FeedToken);
        await reader.Subscribe("#");

        var ack = await gateway.Publish(topic, "{\"spoofed\": true}");
        await gateway.Publish("city/readings/rg-hoan-kiem", Json.Reading("rg-hoan-kiem", Now, new { rainMm = 0.5 }));

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
        await reader.Next((t, body) => t == "city/state/rg-hoan-kiem" && body.GetProperty("values").TryGetProperty("rainMm", out var rain) && rain.GetDouble() == 0.5,
            "the real reading's state");
        Assert.That(reader.Received().Select(m => m.Payload), Has.None.Contains("spoofed"));
    }

    [Test]
    public async Task FeedTokens_CannotPublishReadings()
    {
        await using var system = await MqttTestClient.Connected(Host.MqttPort, "dev-portal", CityHost.FeedToken);

        var ack = await system.Publish("city/readings/rg-hoan-kiem", Json.Reading("rg-hoan-kiem", Now, new { rainMm = 1 }));

        Assert.That(ack.ReasonCode, Is.EqualTo(MqttClientPublishReasonCode.NotAuthorized));
    }

    [TestCase(Gateway, "wrong-key", "gw-1", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [TestCase("someone-else", CityHost.DevKey, "gw-2", MqttClientConnectResultCode.BadUserNameOrPassword)]
    [TestCase(Gateway, CityHost.DevKey, "controlcenter", MqttClientConnectResultCode.ClientIdentifierNotValid)]
    [TestCase(Gateway, CityHost.DevKey, "gw/with/slashes", MqttClientConnectResultCode.ClientIdentifierNotValid)]
    public async Task AConnectionWithTheWrongNameKeyOrClientId_IsRefused(string user, string password, string clientId, MqttClientConnectResultCode expected)
    {
        var (client, result) = await MqttTestClient.Connect(Host.MqttPort, user, password, clientId);
        await using (client)
            Assert.That(result.ResultCode, Is.EqualTo(expected));
    }

    [Test]
    public async Task AnMqtt311Gateway_IsServedToo()
    {
        var (gateway, result) = await MqttTestClient.Connect(Host.MqttPort, Gateway, CityHost.DevKey, "gw-v311", MqttProtocolVersion.V311);
        await using (gateway)
        {
            Assert.That(result.ResultCode, Is.EqualTo(MqttClientConnectResultCode.Success));
            var ts = Now;
            await gateway.Publish("city/readings/rg-dong-da", Json.Reading("rg-dong-da", ts, new { rainMm = 3 }));
            Assert.That(await HistoryCount("rg-dong-da", "rainMm", ts), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task APacketAnnouncingTwoHundredMegabytes_ClosesOnlyThatConnection()
    {
        using var raw = new TcpClient();
        await raw.ConnectAsync("127.0.0.1", Host.MqttPort);
        var stream = raw.GetStream();
        // CONNECT, remaining length 0x60 * 128^3 ≈ 201 MB (a four-byte length), then nothing.
        await stream.WriteAsync(new byte[] { 0x10, 0x80, 0x80, 0x80, 0x60 });

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var read = await stream.ReadAsync(new byte[16], timeout.Token);

        Assert.That(read, Is.Zero, "the broker closed the connection");
        using var client = Host.CreateClient();
        Assert.That(await client.GetStringAsync("/metrics"), Does.Contain("controlcenter_mqtt_refused_total{reason=\"packet-too-large\"}"));
        await using var gateway = await DevGateway();
        var ts = Now;
        Assert.That((await gateway.Publish("city/readings/rg-hai-ba-trung", Json.Reading("rg-hai-ba-trung", ts, new { rainMm = 1 }))).ReasonCode,
            Is.EqualTo(MqttClientPublishReasonCode.Success), "the broker serves others as before");
    }

    [Test]
    public async Task GarbageInsteadOfMqtt_ClosesThatConnection()
    {
        using var raw = new TcpClient();
        await raw.ConnectAsync("127.0.0.1", Host.MqttPort);
        var stream = raw.GetStream();
        await stream.WriteAsync("GET / HTTP/1.1\r\nHost: x\r\n\r\n"u8.ToArray());

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var read = await stream.ReadAsync(new byte[16], timeout.Token);

        Assert.That(read, Is.Zero);
        await using var gateway = await DevGateway();
        Assert.That(gateway.IsConnected, Is.True);
    }
}
