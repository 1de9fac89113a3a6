using System.Diagnostics.Metrics;
using ControlCenter.Host.Hosting;

namespace ControlCenter.Host.Mqtt;

/// <summary>What the broker took, published and refused, as instruments of the centre's meter: every refusal by reason.</summary>
public sealed class MqttMetrics
{
    private readonly Counter<long> _messages;
    private readonly Counter<long> _published;
    private readonly Counter<long> _paced;
    private readonly Counter<long> _refused;
    private int _connections;

    public MqttMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(CityTelemetry.MeterName);
        _messages = meter.CreateCounter<long>("controlcenter.mqtt.reading_messages", "{message}", "Reading messages taken from gateways, whatever became of their readings");
        _published = meter.CreateCounter<long>("controlcenter.mqtt.messages_published", "{message}", "State, alert and KPI messages the centre published");
        _paced = meter.CreateCounter<long>("controlcenter.mqtt.messages_paced", "{message}", "Messages that waited for their key's rate before being taken");
        // Open connections are state, read when collected: a gauge from the start, whenever telemetry started.
        meter.CreateObservableUpDownCounter("controlcenter.mqtt.connections", () => (long)Volatile.Read(ref _connections), "{connection}", "Open MQTT connections");
        _refused = meter.CreateCounter<long>("controlcenter.mqtt.refused", "{refusal}", "Connections, subscriptions and messages refused, by reason");
    }

    /// <summary>The series without a label from the start (0), as before: see <see cref="Hosting.TelemetryBaseline"/>.</summary>
    internal void Baseline()
    {
        _messages.Add(0);
        _published.Add(0);
        _paced.Add(0);
    }

    public void ConnectionOpened() => Interlocked.Increment(ref _connections);

    public void ConnectionClosed() => Interlocked.Decrement(ref _connections);

    public void CountMessage() => _messages.Add(1);

    public void CountPublished() => _published.Add(1);

    public void CountPaced() => _paced.Add(1);

    public void CountRefused(string reason) => _refused.Add(1, new KeyValuePair<string, object?>("reason", reason));
}
