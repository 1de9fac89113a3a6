using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Host.Tests.Infrastructure;
using MQTTnet;

namespace ControlCenter.Host.Tests.Mqtt;

/// <summary>
/// What an MQTT acknowledgement promises: a gateway publishing QoS 1 while the host is killed (SIGKILL) and restarted,
/// resending every message it got no PUBACK for, finds each of its readings in history exactly once.
/// </summary>
public class MqttCrashTests
{
    private const string Gauge = "rg-tay-ho";
    private const int Messages = 120;

    [Test]
    public async Task KillWhileAGatewayPublishesQoS1_EveryPublishedReadingIsInHistoryExactlyOnce()
    {
        using var data = new TempDirectory();
        var first = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - Messages - 5);
        var host = await HostProcess.Start(data.Path);
        try
        {
            var acknowledged = 0;
            var resent = 0;
            var killed = new TaskCompletionSource();
            var gateway = Publish(host.MqttPort, first, onAck: () =>
            {
                if (Interlocked.Increment(ref acknowledged) == Messages / 3) killed.TrySetResult();
            }, onResend: () => Interlocked.Increment(ref resent));

            await killed.Task.WaitAsync(TimeSpan.FromSeconds(60));
            await host.Kill();
            host = await host.Restart();
            await gateway.WaitAsync(TimeSpan.FromSeconds(120));

            using var client = host.Client();
            var from = Uri.EscapeDataString(first.AddMinutes(-1).ToString("O"));
            var history = await client.GetFromJsonAsync<JsonElement>($"/api/v1/history/{Gauge}?metric=rainMm&from={from}&step=1h");
            var stored = history.GetProperty("points").EnumerateArray().Sum(p => p.GetProperty("count").GetInt64());
            var state = await client.GetFromJsonAsync<JsonElement>($"/api/v1/entities/{Gauge}");
            Assert.That(stored, Is.EqualTo(Messages), "each published reading once in the log");
            Assert.That(state.GetProperty("version").GetInt64(), Is.EqualTo(Messages), "and folded once into live state");
            Assert.That(resent, Is.GreaterThan(0), "the kill really interrupted the gateway");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>
    /// A gateway as field gateways are written: one message per reading, each sent until the broker acknowledges it,
    /// reconnecting (same client id) whenever the connection is gone.
    /// </summary>
    private static async Task Publish(int port, DateTimeOffset first, Action onAck, Action onResend)
    {
        var factory = new MqttClientFactory();
        using var client = factory.CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port)
            .WithCredentials("crash-test", CityHost.DevKey).WithClientId("gw-crash").WithTimeout(TimeSpan.FromSeconds(5)).Build();
        for (var i = 0; i < Messages; i++)
        {
            var payload = JsonSerializer.Serialize(new { ts = first.AddSeconds(i), values = new { rainMm = 0.1 } }, Json.Options);
            var message = new MqttApplicationMessageBuilder().WithTopic($"city/readings/{Gauge}").WithPayload(payload)
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build();
            for (var attempt = 0; ; attempt++)
            {
                if (attempt > 0) onResend();
                await Reconnect(client, options);
                try
                {
                    if ((await client.PublishAsync(message)).IsSuccess) break;
                }
                catch (Exception ex) when (Lost(ex))
                {
                    // The host died before its PUBACK: the message is still this gateway's to send.
                }
            }

            onAck();
        }
    }

    /// <summary>While the host is down, connecting fails at once; the gateway keeps trying until the restarted broker takes it.</summary>
    private static Task Reconnect(IMqttClient client, MqttClientOptions options) =>
        client.IsConnected ? Task.CompletedTask : Eventually.Until(async () =>
        {
            try
            {
                return (await client.ConnectAsync(options)).ResultCode == MqttClientConnectResultCode.Success;
            }
            catch (Exception ex) when (Lost(ex))
            {
                return false;
            }
        }, connected => connected, "the gateway to reconnect to the (restarted) broker", TimeSpan.FromSeconds(120));

    private static bool Lost(Exception ex) =>
        ex is MQTTnet.Exceptions.MqttCommunicationException or OperationCanceledException or InvalidOperationException;
}
