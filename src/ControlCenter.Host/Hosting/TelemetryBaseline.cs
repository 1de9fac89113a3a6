using ControlCenter.Grains.Sensors;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Mqtt;
using ControlCenter.Host.Open;
using ControlCenter.Host.Webhooks;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Counters without labels (and the few with a fixed set of them) show 0 from the start, as the first release's
/// <c>/metrics</c> did, so a dashboard or a <c>rate()</c> sees a series before the first event. A measurement taken
/// before the exporter listens is lost, so this runs as a hosted service registered right after OpenTelemetry's.
/// </summary>
public sealed class TelemetryBaseline(
    IngestMetrics ingest, MqttMetrics mqtt, WebhookMetrics webhooks, OpenMetrics open, EgovMetrics egov,
    ReadingLogWriter log, ReadingIntake intake, LiveFeed feed, HubFeedSender hub) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        ingest.Baseline();
        mqtt.Baseline();
        webhooks.Baseline();
        open.Baseline();
        egov.Baseline();
        log.Baseline();
        intake.Baseline();
        feed.Baseline();
        hub.Baseline();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
