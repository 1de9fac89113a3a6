using System.Collections.Concurrent;

namespace ControlCenter.Host.Mqtt;

/// <summary>What the broker refused and why, for <c>/metrics</c>: every refusal is counted by reason.</summary>
public sealed class MqttMetrics
{
    private long _messages;
    private long _published;
    private long _paced;

    public ConcurrentDictionary<string, long> Refused { get; } = new(StringComparer.Ordinal);

    /// <summary>Reading messages taken from gateways (whatever became of their readings).</summary>
    public long Messages => Interlocked.Read(ref _messages);

    /// <summary>State, alert and KPI messages the centre published.</summary>
    public long Published => Interlocked.Read(ref _published);

    /// <summary>Messages that waited for their key's rate before being taken.</summary>
    public long Paced => Interlocked.Read(ref _paced);

    private int _connections;

    public int Connections => Volatile.Read(ref _connections);

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void CountMessage() => Interlocked.Increment(ref _messages);

    public void CountPublished() => Interlocked.Increment(ref _published);

    public void CountPaced() => Interlocked.Increment(ref _paced);

    public void CountRefused(string reason) => Refused.AddOrUpdate(reason, 1, (_, n) => n + 1);
}
