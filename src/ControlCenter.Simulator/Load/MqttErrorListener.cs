using System.Collections.Concurrent;
using System.Text.Json;
using MQTTnet;

namespace ControlCenter.Simulator.Load;

/// <summary>
/// A PUBACK says a message was taken, not that every reading in it was: readings refused one by one (and
/// duplicates) are reported on <c>city/errors/{sensorId}</c>. This connection hears those reports for every sensor
/// the key may write and counts them by code, as the HTTP answer's <c>rejected</c> list is counted.
/// </summary>
public sealed class MqttErrorListener : IAsyncDisposable
{
    private readonly MqttGatewayConnection _connection;
    private long _rejected, _duplicates;

    private MqttErrorListener(MqttGatewayConnection connection)
    {
        _connection = connection;
        _connection.Client.ApplicationMessageReceivedAsync += e =>
        {
            Count(JsonDocument.Parse(e.ApplicationMessage.Payload).RootElement);
            return Task.CompletedTask;
        };
    }

    public long Rejected => Interlocked.Read(ref _rejected);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public ConcurrentDictionary<string, long> RejectedByCode { get; } = new();

    public static async Task<MqttErrorListener> Open(MqttLogin login, string clientId, CancellationToken cancellationToken)
    {
        var listener = new MqttErrorListener(await MqttGatewayConnection.Open(login, clientId, cancellationToken));
        var subscription = new MqttClientSubscribeOptionsBuilder().WithTopicFilter("city/errors/+", MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build();
        var granted = await listener._connection.Client.SubscribeAsync(subscription, cancellationToken);
        if (granted.Items.Any(i => (int)i.ResultCode > 2)) throw new InvalidOperationException("The broker refused the error reports' subscription.");
        return listener;
    }

    /// <remarks>A report of a whole message refused (<c>problem</c>) has no readings listed: its PUBACK already counted it.</remarks>
    private void Count(JsonElement report)
    {
        Interlocked.Add(ref _duplicates, report.GetProperty("duplicates").GetInt32());
        foreach (var rejection in report.GetProperty("rejected").EnumerateArray())
        {
            Interlocked.Increment(ref _rejected);
            RejectedByCode.AddOrUpdate(rejection.GetProperty("code").GetString() ?? "?", 1, (_, n) => n + 1);
        }
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();
}
