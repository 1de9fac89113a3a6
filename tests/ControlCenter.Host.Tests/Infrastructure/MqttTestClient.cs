using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>A real MQTT client (MQTTnet) on the host's broker: a gateway or another system, as a test needs.</summary>
public sealed class MqttTestClient : IAsyncDisposable
{
    private readonly IMqttClient _client;
    private readonly Channel<(string Topic, string Payload, bool Retained)> _received = Channel.CreateUnbounded<(string, string, bool)>();
    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Topic, string Payload)> _all = new();

    private MqttTestClient(IMqttClient client)
    {
        _client = client;
        _client.ApplicationMessageReceivedAsync += e =>
        {
            var payload = e.ApplicationMessage.ConvertPayloadToString();
            _all.Enqueue((e.ApplicationMessage.Topic, payload));
            _received.Writer.TryWrite((e.ApplicationMessage.Topic, payload, e.ApplicationMessage.Retain));
            return Task.CompletedTask;
        };
    }

    public bool IsConnected => _client.IsConnected;

    public static async Task<(MqttTestClient Client, MqttClientConnectResult Result)> Connect(
        int port, string userName, string password, string clientId,
        MqttProtocolVersion version = MqttProtocolVersion.V500, bool cleanSession = true)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        // The handler is attached before CONNACK: a session's queued messages follow it at once, and a client
        // without a handler yet would acknowledge and drop them.
        var wrapper = new MqttTestClient(client);
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithCredentials(userName, password)
            .WithClientId(clientId)
            .WithProtocolVersion(version)
            .WithCleanSession(cleanSession)
            // MQTT 5 ends a session at disconnect unless it asks for an expiry.
            .WithSessionExpiryInterval(cleanSession ? 0u : 3600u)
            .WithTimeout(TimeSpan.FromSeconds(10))
            .Build();
        var result = await client.ConnectAsync(options);
        return (wrapper, result);
    }

    /// <summary>Connects and fails the test unless the broker accepts.</summary>
    public static async Task<MqttTestClient> Connected(int port, string userName, string password, string? clientId = null)
    {
        var (client, result) = await Connect(port, userName, password, clientId ?? $"test-{Guid.NewGuid():N}");
        Assert.That(result.ResultCode, Is.EqualTo(MqttClientConnectResultCode.Success), result.ReasonString);
        return client;
    }

    public Task<MqttClientPublishResult> Publish(string topic, string payload, MqttQualityOfServiceLevel qos = MqttQualityOfServiceLevel.AtLeastOnce) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithQualityOfServiceLevel(qos).Build());

    public Task<MqttClientPublishResult> Publish(string topic, object body) => Publish(topic, JsonSerializer.Serialize(body, Json.Options));

    public async Task<MqttClientSubscribeResultCode> Subscribe(string filter)
    {
        var result = await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        return result.Items.Single().ResultCode;
    }

    /// <summary>The next message whose topic and JSON body satisfy the condition (others received meanwhile are passed over).</summary>
    public async Task<(string Topic, JsonElement Body, bool Retained)> Next(Func<string, JsonElement, bool> wanted, string waitingFor, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            while (true)
            {
                var (topic, payload, retained) = await _received.Reader.ReadAsync(cancel.Token);
                if (payload.Length == 0) continue;
                var body = JsonDocument.Parse(payload).RootElement.Clone();
                if (wanted(topic, body)) return (topic, body, retained);
            }
        }
        catch (OperationCanceledException)
        {
            Assert.Fail($"Timed out waiting for MQTT {waitingFor}");
            throw;
        }
    }

    /// <summary>Every message received so far (those <see cref="Next"/> passed over too), without waiting.</summary>
    public List<(string Topic, string Payload)> Received() => [.. _all];

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }
}
