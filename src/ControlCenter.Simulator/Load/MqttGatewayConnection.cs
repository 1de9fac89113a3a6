using System.Buffers;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Polly;
using Polly.Retry;

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
    private readonly ResiliencePipeline _retries;

    private MqttGatewayConnection(MqttLogin login, string clientId)
    {
        _options = new MqttClientOptionsBuilder()
            .WithTcpServer(login.Host, login.Port)
            .WithCredentials(login.UserName, login.Password)
            .WithClientId(clientId)
            .WithCleanStart()
            .WithTimeout(TimeSpan.FromSeconds(30))
            .Build();
        _retries = BuildRetries();
    }

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
        return await _retries.ExecuteAsync(
            static async (state, token) =>
            {
                if (!state.Connection._client.IsConnected) await state.Connection.Connect(token);
                return await state.Connection._client.PublishAsync(state.Message, token);
            },
            (Connection: this, Message: message),
            cancellationToken);
    }

    /// <summary>A dropped connection is opened again and the message resent, 200 ms, 400 ms, … apart.</summary>
    private ResiliencePipeline BuildRetries() => new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            MaxRetryAttempts = Attempts - 1,
            BackoffType = DelayBackoffType.Linear,
            Delay = TimeSpan.FromMilliseconds(200),
            ShouldHandle = new PredicateBuilder().Handle<MqttCommunicationException>(),
            OnRetry = _ =>
            {
                Resent++;
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }
}
