using System.Text.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Feed;

namespace ControlCenter.Host.Mqtt;

/// <summary>
/// Publishes the live feed on MQTT: each entity's state retained on <c>city/state/{entityId}</c> (the feed's
/// <c>state</c> JSON with its version), open alerts retained on <c>city/alerts/{alertId}</c> (a resolved one is sent
/// once and leaves the retained set), and the KPI tiles on <c>city/kpi</c>. It reads the same in-process feed as the
/// wall, so what MQTT shows is what the hub shows.
/// </summary>
public sealed class MqttStateRelay(MqttBroker broker, MqttGate gate, LiveFeed feed, CityCatalog catalog, MqttMetrics metrics, ILogger<MqttStateRelay> logger)
    : BackgroundService
{
    // Alert topics with a retained message now: a snapshot that no longer lists one (resolved while the relay was
    // restarting or lagging) removes it.
    private readonly HashSet<string> _retainedAlerts = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await broker.Started.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Relay(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The grains may not answer yet at start-up; start again from a fresh snapshot.
                logger.LogWarning(ex, "MQTT state relay restarts");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }

    private async Task Relay(CancellationToken stoppingToken)
    {
        await using var session = await feed.Open(EveryTopic(), stoppingToken);
        await Publish(session.Snapshot.Items, session.Snapshot.Alerts, session.Snapshot.Kpi);
        await DropAlertsNotIn(session.Snapshot.Alerts);
        await foreach (var delivery in session.Changes(stoppingToken))
        {
            await Publish(delivery.States, delivery.Alerts, delivery.Kpi);
            // After a lag the delivery is a fresh snapshot: its alerts are all the open ones.
            if (delivery.Lagging) await DropAlertsNotIn(delivery.Alerts);
        }
    }

    private string[] EveryTopic() =>
    [
        .. FeedTopics.Domains, FeedTopics.Alerts, FeedTopics.Kpi,
        .. catalog.Zones.Select(z => FeedTopics.ZonePrefix + z.Id),
        FeedTopics.EntityPrefix + EntityKinds.CityId,
    ];

    private async Task Publish(IReadOnlyList<EntityState> states, IReadOnlyList<Alert> alerts, KpiSnapshot? kpi)
    {
        foreach (var state in states)
        {
            var topic = MqttTopics.State(state.EntityId);
            gate.Describe(topic, [.. FeedTopics.Of(state)]);
            await Send(topic, state, retain: true);
        }

        foreach (var alert in alerts)
        {
            var topic = MqttTopics.Alert(alert.Id);
            gate.Describe(topic, [.. FeedTopics.Of(alert)]);
            await Send(topic, alert, retain: alert.IsActive);
            if (alert.IsActive)
            {
                _retainedAlerts.Add(topic);
            }
            else
            {
                await Unretain(topic);
            }
        }

        if (kpi is not null) await Send(MqttTopics.Kpi, kpi, retain: true);
    }

    private async Task DropAlertsNotIn(IReadOnlyList<Alert> open)
    {
        var stillOpen = open.Select(a => MqttTopics.Alert(a.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var topic in _retainedAlerts.Where(t => !stillOpen.Contains(t)).ToList()) await Unretain(topic);
    }

    private async Task Unretain(string topic)
    {
        await broker.Unretain(topic);
        _retainedAlerts.Remove(topic);
        gate.Forget(topic);
    }

    private async Task Send<T>(string topic, T body, bool retain)
    {
        await broker.Publish(topic, JsonSerializer.SerializeToUtf8Bytes(body, FeedJson.Options), retain);
        metrics.CountPublished();
    }
}
