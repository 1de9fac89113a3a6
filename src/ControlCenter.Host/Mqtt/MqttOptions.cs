namespace ControlCenter.Host.Mqtt;

/// <summary>The broker inside the host: where it listens and what it lets a connection do (section <c>Mqtt</c>).</summary>
public sealed class MqttOptions
{
    public const string Section = "Mqtt";

    public bool Enabled { get; set; } = true;

    /// <summary>Loopback by default, as mosquitto 2 does: set <c>0.0.0.0</c> (or a TLS proxy in front) for gateways elsewhere.</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 1883;

    /// <summary>The largest packet a client may send; a bigger one closes its connection before any memory is taken for it.</summary>
    public int MaxPacketBytes { get; set; } = 1024 * 1024 + 1024;

    /// <summary>Connections beyond this are closed at once (counted), so no client can use up the host's sockets.</summary>
    public int MaxConnections { get; set; } = 2000;

    /// <summary>Client ids (each with its session) one key or token may hold at once.</summary>
    public int MaxClientIdsPerCredential { get; set; } = 100;

    /// <summary>How long the session of a client that went away is kept (its subscriptions and queued messages).</summary>
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often connections whose key or token was revoked are found and closed, and old sessions removed.</summary>
    public TimeSpan RevocationSweep { get; set; } = TimeSpan.FromSeconds(5);
}
