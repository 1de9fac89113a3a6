using System.Buffers;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// One gateway's connection to the centre's broker, publishing at QoS 1. A message whose PUBACK never came (the
/// connection dropped, as the centre does when its log cannot append) is published again on a new connection, as
/// a gateway must: the log's (sensorId, ts) key makes a resend of anything it stored a duplicate.
/// </summary>
public sealed class MqttGatewayConnection : IAsyncDisposable
{
    private const int Attempts = 5;

    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly MqttClientOptions _options;

    private MqttGatewayConnection(MqttLogin login, string clientId) =>
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(login.Host, login.Port)
            .WithCredentials(login.UserName, login.Password)
            .WithClientId(clientId)
            .WithCleanStart()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();

    public IMqttClient Client => _client;

    /// <summary>Messages published again after a lost connection.</summary>
    public int Resent { get; private set; }

    public static async Task<MqttGatewayConnection> Open(MqttLogin login, string clientId, CancellationToken cancellationToken)
    {
        var connection = new MqttGatewayConnection(login, clientId);
        await connection.Connect(cancellationToken);
        return connection;
    }

    private async Task Connect(CancellationToken cancellationToken)
    {
        var result = await _client.ConnectAsync(_options, cancellationToken);
        if (result.ResultCode != MqttClientConnectResultCode.Success)
            throw new InvalidOperationException($"The broker refused gateway '{_options.ClientId}': {result.ResultCode} {result.ReasonString}");
    }

    /// <summary>Publishes and waits for the PUBACK; <paramref name="payload"/> may be reused once this returns.</summary>
    public async Task<MqttClientPublishResult> Publish(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(new ReadOnlySequence<byte>(payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                if (!_client.IsConnected) await Connect(cancellationToken);
                return await _client.PublishAsync(message, cancellationToken);
            }
            catch (MqttCommunicationException) when (attempt < Attempts && !cancellationToken.IsCancellationRequested)
            {
                Resent++;
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }
}
