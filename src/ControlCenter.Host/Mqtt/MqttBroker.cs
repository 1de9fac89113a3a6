using System.Text.Json;
using ControlCenter.Host.Feed;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// The MQTT broker inside the host (MQTTnet): gateways publish readings to it, other systems subscribe to live state.
/// It lives and dies with the host, so a PUBACK can wait for the readings log, and it authenticates with the
/// centre's own keys and tokens: nothing to keep in step with a second user database.
/// </summary>
public sealed class MqttBroker(
    IOptions<MqttOptions> options, MqttGate gate, MqttReadingIngest readings, GuardedTcpAdapter listener, ILogger<MqttBroker> logger)
    : IHostedService, IAsyncDisposable
{
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer? _server;
    private PeriodicTimer? _sweep;

    /// <summary>Completes once the broker listens (the state relay waits for it).</summary>
    public Task Started => _started.Task;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var serverOptions = new MqttServerOptionsBuilder()
            .WithPersistentSessions()
            // A client that connects and says nothing is dropped soon, not after the library's 100 s.
            .WithDefaultCommunicationTimeout(TimeSpan.FromSeconds(10))
            .WithMaxPendingMessagesPerClient(10_000)
            .Build();
        _server = new MqttServerFactory().CreateMqttServer(serverOptions, [listener]);
        _server.ValidatingConnectionAsync += gate.Admit;
        _server.InterceptingInboundPacketAsync += gate.CheckInbound;
        _server.InterceptingOutboundPacketAsync += gate.LimitOutbound;
        _server.InterceptingSubscriptionAsync += gate.CheckSubscription;
        _server.InterceptingClientEnqueueAsync += gate.FilterDelivery;
        _server.InterceptingPublishAsync += OnPublish;
        await _server.StartAsync();
        logger.LogInformation("MQTT broker listening on {Address}:{Port}", options.Value.BindAddress, options.Value.Port);
        _sweep = new PeriodicTimer(options.Value.RevocationSweep);
        _ = Sweep(_sweep);
        _started.TrySetResult();
    }

    private async Task OnPublish(InterceptingPublishEventArgs message)
    {
        if (message.ClientId == MqttGate.CentreClientId) return;
        if (await readings.Take(message) is { } report)
            await Publish(MqttTopics.Errors(report.SensorId), JsonSerializer.SerializeToUtf8Bytes(report, FeedJson.Options), retain: false);
    }

    /// <summary>Sends a message as the centre (QoS 1); a retained one is also kept for clients that subscribe later.</summary>
    public Task Publish(string topic, byte[] payload, bool retain)
    {
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();
        return Server.InjectApplicationMessage(new InjectedMqttApplicationMessage(message) { SenderClientId = MqttGate.CentreClientId });
    }

    /// <summary>Forgets a topic's retained message without sending anything (a resolved alert leaves the retained set).</summary>
    public Task Unretain(string topic) =>
        Server.UpdateRetainedMessageAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithRetainFlag().Build());

    /// <summary>Whether the broker still holds a live connection for the client id (a session may outlive it).</summary>
    public async Task<bool> IsConnected(string clientId) =>
        (await Server.GetClientsAsync()).Any(c => c.Id == clientId);

    private MqttServer Server => _server ?? throw new InvalidOperationException("The MQTT broker has not started.");

    /// <summary>
    /// Closes the connections of revoked keys and tokens and deletes their sessions, and deletes sessions whose client
    /// has been away longer than <see cref="MqttOptions.SessionExpiry"/>. One failure never stops the sweep.
    /// </summary>
    private async Task Sweep(PeriodicTimer sweep)
    {
        try
        {
            while (await sweep.WaitForNextTickAsync())
            {
                try
                {
                    await SweepOnce();
                }
                catch (Exception ex) when (_server is { IsStarted: true })
                {
                    logger.LogWarning(ex, "MQTT session sweep failed; trying again at the next tick");
                }
            }
        }
        catch (ObjectDisposedException)
        {
            // The broker stopped.
        }
    }

    private async Task SweepOnce()
    {
        var sessions = await Server.GetSessionsAsync();
        var revoked = gate.Sweep(sessions.Select(s => s.Id).ToHashSet(StringComparer.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var expiredBefore = DateTime.UtcNow - options.Value.SessionExpiry;
        foreach (var session in sessions)
        {
            var expired = session.DisconnectedTimestamp is { } left && left < expiredBefore;
            if (!revoked.Contains(session.Id) && !expired) continue;
            if (revoked.Contains(session.Id)) logger.LogInformation("Closing MQTT client {ClientId}: its key or token was revoked", session.Id);
            try
            {
                // Deleting a session also closes its connection, if it has one.
                await session.DeleteAsync();
            }
            catch (Exception ex) when (ex is InvalidOperationException or ObjectDisposedException)
            {
                // It went away by itself meanwhile.
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _sweep?.Dispose();
        if (_server is { IsStarted: true }) await _server.StopAsync(new MqttServerStopOptions());
    }

    public async ValueTask DisposeAsync()
    {
        _sweep?.Dispose();
        if (_server is not null)
        {
            await StopAsync(CancellationToken.None);
            _server.Dispose();
        }
    }
}
