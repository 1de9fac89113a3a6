using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// Who a connected MQTT client is, decided once at CONNECT: a gateway (user name and password are an ingest key's
/// name and key) or another system reading live state (a feed token's name and token). The secret is kept so that
/// a revoked key or token can be found and its connection closed.
/// </summary>
public abstract record MqttPeer(string Name, string Secret);

public sealed record GatewayPeer(IngestKey Key, string Secret) : MqttPeer(Key.Name, Secret);

public sealed record SubscriberPeer(FeedToken Token, string Secret) : MqttPeer(Token.Name, Secret)
{
    public IReadOnlyList<string> AllowedTopics { get; } = Token.Topics;
}
