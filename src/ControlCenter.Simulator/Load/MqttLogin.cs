using System.Globalization;

namespace ControlCenter.Simulator.Load;

/// <summary>How a gateway logs in to the centre's broker: user name = the ingest key's name, password = the key.</summary>
public sealed record MqttLogin(string Host, int Port, string UserName, string Password)
{
    /// <summary>From <c>host:port</c>, or null when it is not one.</summary>
    public static MqttLogin? Parse(string endpoint, string userName, string password)
    {
        var colon = endpoint.LastIndexOf(':');
        return colon > 0 && int.TryParse(endpoint[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65536
            ? new MqttLogin(endpoint[..colon], port, userName, password)
            : null;
    }
}
