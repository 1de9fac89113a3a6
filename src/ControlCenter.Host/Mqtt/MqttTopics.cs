using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// The contract's MQTT topics: gateways publish to <c>city/readings/{sensorId}</c> and hear back on
/// <c>city/errors/{sensorId}</c>; other systems read <c>city/state/{entityId}</c> (retained),
/// <c>city/alerts/{alertId}</c> and <c>city/kpi</c>.
/// </summary>
public static class MqttTopics
{
    public const string ReadingsPrefix = "city/readings/";
    public const string ErrorsPrefix = "city/errors/";
    public const string StatePrefix = "city/state/";
    public const string AlertsPrefix = "city/alerts/";
    public const string Kpi = "city/kpi";

    public static string Errors(string sensorId) => ErrorsPrefix + sensorId;
    public static string State(string entityId) => StatePrefix + entityId;
    public static string Alert(string alertId) => AlertsPrefix + alertId;

    /// <summary>The sensor id of a readings or errors topic (one valid id level, nothing after it), else null.</summary>
    public static string? SensorOf(string topic, string prefix)
    {
        if (!topic.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var id = topic[prefix.Length..];
        return EntityId.IsValid(id) ? id : null;
    }
}
