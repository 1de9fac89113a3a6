using System.Collections.Concurrent;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using MQTTnet;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// Who may connect to the broker and what each connection may read. Gateways log in with an ingest key (user name:
/// the key's name; password: the key) and read only their own sensors' errors; other systems log in with a feed
/// token and read the state, alerts and KPIs its topics allow, checked message by message (retained ones too), so
/// a wildcard subscription never shows more than the token may see.
/// </summary>
public sealed class MqttGate(IngestKeyRing keys, FeedTokenRing tokens, CityCatalog catalog, MqttMetrics metrics)
{
    /// <summary>The client id the centre's own messages are sent under; no client may connect with it.</summary>
    public const string CentreClientId = "controlcenter";

    private const int MaxClientIdLength = 128;

    private readonly ConcurrentDictionary<string, MqttPeer> _peers = new(StringComparer.Ordinal);
    // The live-feed topics each published state/alert topic falls under (what a token's scope is checked against).
    private readonly ConcurrentDictionary<string, string[]> _feedTopics = new(StringComparer.Ordinal);

    public MqttPeer? PeerOf(string clientId) => _peers.GetValueOrDefault(clientId);

    public Task Admit(ValidatingConnectionEventArgs connection)
    {
        var (peer, refusal) = Identify(connection.ClientId, connection.UserName, connection.Password);
        if (peer is null)
        {
            connection.ReasonCode = refusal;
            metrics.CountRefused(refusal == MqttConnectReasonCode.ClientIdentifierNotValid ? "bad-client-id" : "bad-credentials");
        }
        else
        {
            _peers[connection.ClientId] = peer;
        }

        return Task.CompletedTask;
    }

    private (MqttPeer?, MqttConnectReasonCode) Identify(string? clientId, string? userName, string? password)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxClientIdLength || clientId == CentreClientId
            || clientId.Any(c => char.IsControl(c) || c is '+' or '#' or '/'))
            return (null, MqttConnectReasonCode.ClientIdentifierNotValid);
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return (null, MqttConnectReasonCode.BadUserNameOrPassword);
        if (keys.Find(password) is { } key && key.Name == userName) return (new GatewayPeer(key, password), MqttConnectReasonCode.Success);
        if (tokens.Find(password) is { } token && token.Name == userName) return (new SubscriberPeer(token, password), MqttConnectReasonCode.Success);
        return (null, MqttConnectReasonCode.BadUserNameOrPassword);
    }

    /// <summary>A connection taken over by a newer one with the same client id keeps the newer one's identity.</summary>
    public Task Left(ClientDisconnectedEventArgs disconnected)
    {
        if (disconnected.DisconnectType != MqttClientDisconnectType.Takeover) _peers.TryRemove(disconnected.ClientId, out _);
        return Task.CompletedTask;
    }

    /// <summary>Refuses subscriptions that can never match anything this peer may read, so the client hears why.</summary>
    public Task CheckSubscription(InterceptingSubscriptionEventArgs subscription)
    {
        var filter = subscription.TopicFilter.Topic;
        var allowed = PeerOf(subscription.ClientId) switch
        {
            GatewayPeer => CanReach(filter, MqttTopics.ErrorsPrefix),
            SubscriberPeer => CanReach(filter, MqttTopics.StatePrefix) || CanReach(filter, MqttTopics.AlertsPrefix)
                || MqttTopicFilterComparer.Compare(MqttTopics.Kpi, filter) == MqttTopicFilterCompareResult.IsMatch,
            _ => false,
        };
        if (!allowed)
        {
            subscription.ProcessSubscription = false;
            subscription.Response.ReasonCode = MqttSubscribeReasonCode.NotAuthorized;
            metrics.CountRefused("subscription-not-allowed");
        }

        return Task.CompletedTask;
    }

    /// <summary>Whether a filter can match some topic under a two-level prefix such as <c>city/state/</c>.</summary>
    private static bool CanReach(string filter, string prefix)
    {
        var levels = filter.Split('/');
        var wanted = prefix.TrimEnd('/').Split('/');
        for (var i = 0; i < wanted.Length; i++)
        {
            if (i >= levels.Length) return false;
            if (levels[i] == "#") return true;
            if (levels[i] != "+" && levels[i] != wanted[i]) return false;
        }

        return levels.Length > wanted.Length;
    }

    /// <summary>Every message the broker would hand a client passes here, retained ones included.</summary>
    public Task FilterDelivery(InterceptingClientApplicationMessageEnqueueEventArgs delivery)
    {
        delivery.AcceptEnqueue = PeerOf(delivery.ReceiverClientId) is { } peer && MayRead(peer, delivery.ApplicationMessage.Topic);
        return Task.CompletedTask;
    }

    private bool MayRead(MqttPeer peer, string topic) => peer switch
    {
        GatewayPeer gateway => MqttTopics.SensorOf(topic, MqttTopics.ErrorsPrefix) is { } sensorId && MayWrite(gateway, sensorId),
        SubscriberPeer subscriber => topic == MqttTopics.Kpi
            ? FeedTokenAuthentication.Allows(subscriber.AllowedTopics, FeedTopics.Kpi)
            : _feedTopics.TryGetValue(topic, out var under) && under.Any(t => FeedTokenAuthentication.Allows(subscriber.AllowedTopics, t)),
        _ => false,
    };

    /// <summary>A key limited to sensors or zones writes (and hears about) only those; an unknown sensor only an unlimited key.</summary>
    public bool MayWrite(GatewayPeer gateway, string sensorId) =>
        catalog.FindSensor(sensorId) is { } sensor
            ? IngestKeyRing.Allows(gateway.Key, sensor)
            : gateway.Key.Sensors.Count == 0 && gateway.Key.Zones.Count == 0;

    /// <summary>Records the live-feed topics a state or alert topic is published under, before it is published.</summary>
    public void Describe(string mqttTopic, string[] feedTopics) => _feedTopics[mqttTopic] = feedTopics;

    /// <summary>Connections whose key or token is no longer in force (revoked since they connected).</summary>
    public IReadOnlyList<string> Revoked() =>
    [
        .. _peers.Where(p => p.Value switch
        {
            GatewayPeer g => keys.Find(g.Secret)?.Name != g.Name,
            SubscriberPeer s => tokens.Find(s.Secret)?.Name != s.Name,
            _ => true,
        }).Select(p => p.Key),
    ];
}
