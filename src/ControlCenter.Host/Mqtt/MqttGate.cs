using System.Collections.Concurrent;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// Who may connect to the broker and what each client id may read. Gateways log in with an ingest key (user name:
/// the key's name; password: the key) and read only their own sensors' errors; other systems log in with a feed
/// token and read the state, alerts and KPIs its topics allow, checked message by message (retained and queued ones
/// too), so a wildcard subscription never shows more than the token may see.
/// <para>
/// A client id belongs to the credential that first used it for as long as its session lives (queued messages of an
/// offline session are filtered by that owner's scope), so no other key or token can take it over and inherit them.
/// </para>
/// </summary>
public sealed class MqttGate(IngestKeyRing keys, FeedTokenRing tokens, CityCatalog catalog, MqttMetrics metrics, IOptions<MqttOptions> options, TimeProvider time)
{
    /// <summary>The client id the centre's own messages are sent under; no client may connect with it.</summary>
    public const string CentreClientId = "controlcenter";

    private const int MaxClientIdLength = 128;
    private const int MaxTopicLength = 256;
    private const ushort MaxTopicAliases = 16;
    private const int MaxSubscriptionsPerSession = 100;
    private const string SubscriptionsItem = "controlcenter.subscriptions";
    // An owner without a session yet is one whose CONNECT is still being handled: kept for this long before pruning.
    private static readonly TimeSpan ConnectGrace = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Owner> _owners = new(StringComparer.Ordinal);
    // The live-feed topics each published state/alert topic falls under (what a token's scope is checked against).
    private readonly ConcurrentDictionary<string, string[]> _feedTopics = new(StringComparer.Ordinal);

    private sealed record Owner(MqttPeer Peer, DateTimeOffset Since);

    public MqttPeer? PeerOf(string clientId) => _owners.TryGetValue(clientId, out var owner) ? owner.Peer : null;

    public Task Admit(ValidatingConnectionEventArgs connection)
    {
        var (peer, refusal, reason) = Identify(connection.ClientId, connection.UserName, connection.Password);
        if (peer is not null) (refusal, reason) = Claim(connection.ClientId, peer, connection.CleanSession != false);
        if (refusal != MqttConnectReasonCode.Success)
        {
            connection.ReasonCode = refusal;
            metrics.CountRefused(reason);
        }

        return Task.CompletedTask;
    }

    private (MqttPeer?, MqttConnectReasonCode, string) Identify(string? clientId, string? userName, string? password)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > MaxClientIdLength || clientId == CentreClientId
            || clientId.Any(c => char.IsControl(c) || c is '+' or '#' or '/'))
            return (null, MqttConnectReasonCode.ClientIdentifierNotValid, "bad-client-id");
        if (string.IsNullOrEmpty(userName) || string.IsNullOrEmpty(password)) return (null, MqttConnectReasonCode.BadUserNameOrPassword, "bad-credentials");
        if (keys.Find(password) is { } key && key.Name == userName) return (new GatewayPeer(key, password), MqttConnectReasonCode.Success, "");
        if (tokens.Find(password) is { } token && token.Name == userName) return (new SubscriberPeer(token, password), MqttConnectReasonCode.Success, "");
        return (null, MqttConnectReasonCode.BadUserNameOrPassword, "bad-credentials");
    }

    /// <summary>
    /// Binds the client id to this credential. Another credential's id is refused while its owner is in force; once the
    /// owner was revoked, it may be taken only with a clean start, so nothing queued under the old scope is handed over.
    /// </summary>
    private (MqttConnectReasonCode, string) Claim(string clientId, MqttPeer peer, bool cleanStart)
    {
        lock (_owners)
        {
            if (_owners.TryGetValue(clientId, out var owner) && !SamePrincipal(owner.Peer, peer) && (InForce(owner.Peer) || !cleanStart))
                return (MqttConnectReasonCode.NotAuthorized, "client-id-taken");
            if (!_owners.ContainsKey(clientId) && _owners.Values.Count(o => SamePrincipal(o.Peer, peer)) >= options.Value.MaxClientIdsPerCredential)
                return (MqttConnectReasonCode.QuotaExceeded, "too-many-client-ids");
            _owners[clientId] = new Owner(peer, time.GetUtcNow());
            return (MqttConnectReasonCode.Success, "");
        }
    }

    private static bool SamePrincipal(MqttPeer a, MqttPeer b) => a.GetType() == b.GetType() && a.Name == b.Name;

    private bool InForce(MqttPeer peer) => peer switch
    {
        GatewayPeer g => keys.Find(g.Secret)?.Name == g.Name,
        SubscriberPeer s => tokens.Find(s.Secret)?.Name == s.Name,
        _ => false,
    };

    /// <summary>
    /// Refuses subscriptions that can never match anything this peer may read (so the client hears why), filters longer
    /// than a topic may be, and more than <see cref="MaxSubscriptionsPerSession"/> filters in one session.
    /// </summary>
    public Task CheckSubscription(InterceptingSubscriptionEventArgs subscription)
    {
        var filter = subscription.TopicFilter.Topic;
        var allowed = filter.Length <= MaxTopicLength && PeerOf(subscription.ClientId) switch
        {
            GatewayPeer => CanReach(filter, MqttTopics.ErrorsPrefix),
            SubscriberPeer => CanReach(filter, MqttTopics.StatePrefix) || CanReach(filter, MqttTopics.AlertsPrefix)
                || MqttTopicFilterComparer.Compare(MqttTopics.Kpi, filter) == MqttTopicFilterCompareResult.IsMatch,
            _ => false,
        };
        var reason = allowed ? null : "subscription-not-allowed";
        if (allowed)
        {
            var filters = (HashSet<string>)(subscription.SessionItems[SubscriptionsItem] ??= new HashSet<string>(StringComparer.Ordinal));
            lock (filters)
            {
                if (filters.Count >= MaxSubscriptionsPerSession && !filters.Contains(filter)) reason = "too-many-subscriptions";
                else filters.Add(filter);
            }
        }

        if (reason is not null)
        {
            subscription.ProcessSubscription = false;
            subscription.Response.ReasonCode = reason == "too-many-subscriptions" ? MqttSubscribeReasonCode.QuotaExceeded : MqttSubscribeReasonCode.NotAuthorized;
            metrics.CountRefused(reason);
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

    /// <summary>
    /// Every message the broker would hand a client passes here, retained ones and those queued for an offline session
    /// included: the client id's owner decides.
    /// </summary>
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

    /// <summary>
    /// Topic aliases and topic names are held per connection before any other check: a client may use a few aliases
    /// and short topics only (the CONNACK says so; a client that ignores it loses its connection).
    /// </summary>
    public Task CheckInbound(InterceptingPacketEventArgs packet)
    {
        if (packet.Packet is MqttPublishPacket publish && (publish.TopicAlias > MaxTopicAliases || (publish.Topic?.Length ?? 0) > MaxTopicLength))
        {
            metrics.CountRefused("bad-packet");
            throw new MqttPacketRefusedException($"A publish with topic alias {publish.TopicAlias} or a {publish.Topic?.Length}-character topic.");
        }

        return Task.CompletedTask;
    }

    /// <summary>Tells MQTT 5 clients how many topic aliases they may use.</summary>
    public Task LimitOutbound(InterceptingPacketEventArgs packet)
    {
        if (packet.Packet is MqttConnAckPacket connAck) connAck.TopicAliasMaximum = MaxTopicAliases;
        return Task.CompletedTask;
    }

    /// <summary>Records the live-feed topics a state or alert topic is published under, before it is published.</summary>
    public void Describe(string mqttTopic, string[] feedTopics) => _feedTopics[mqttTopic] = feedTopics;

    /// <summary>Forgets a topic that will not be published again (a resolved alert's).</summary>
    public void Forget(string mqttTopic) => _feedTopics.TryRemove(mqttTopic, out _);

    /// <summary>
    /// Drops owners whose key or token was revoked (their client ids are returned, to be disconnected and their sessions
    /// deleted) and owners whose session is gone.
    /// </summary>
    public IReadOnlyList<string> Sweep(IReadOnlySet<string> sessions)
    {
        var revoked = new List<string>();
        var now = time.GetUtcNow();
        foreach (var (clientId, owner) in _owners)
        {
            var inForce = InForce(owner.Peer);
            if (!inForce) revoked.Add(clientId);
            var gone = !sessions.Contains(clientId) && now - owner.Since > ConnectGrace;
            if (gone || !inForce) _owners.TryRemove(KeyValuePair.Create(clientId, owner));
        }

        return revoked;
    }
}

/// <summary>Thrown from the packet check: MQTTnet ends the connection that sent the packet, and only that one.</summary>
public sealed class MqttPacketRefusedException(string message) : Exception(message);
