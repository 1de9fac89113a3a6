using System.Globalization;
using System.Text;
using ControlCenter.Contracts.Grains;
using ControlCenter.Host.Egov;
using ControlCenter.Host.Feed;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Mqtt;
using ControlCenter.Host.Webhooks;
using ControlCenter.Grains.Sensors;
using ControlCenter.Storage.Log;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ControlCenter.Host.Api;

/// <summary>
/// <c>GET /metrics</c> in Prometheus text format: what was accepted, refused, written and fed. Outside
/// <c>/api/v1</c>, where scrapers look for it.
/// </summary>
public static class MetricsEndpoint
{
    public const string ContentType = "text/plain; version=0.0.4";

    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", Render).WithName("GetMetrics").RequireAuthorization(AccessPolicies.Read)
            .WithTags("Metrics")
            .WithSummary("Read the operational counters and gauges in Prometheus text format")
            .Produces<string>(StatusCodes.Status200OK, ContentType);
        return app;
    }

    private static async Task<ContentHttpResult> Render(
        IngestMetrics ingest, Open.OpenMetrics open, ReadingLogWriter log, ReadingIntake intake, LiveFeed feed, HubFeedSender hub, MqttMetrics mqtt, WebhookMetrics webhooks, EgovMetrics egov,
        IGrainFactory grains)
    {
        var text = new StringBuilder();
        void Series(string name, string type, IEnumerable<(string Labels, long Value)> values)
        {
            text.Append(CultureInfo.InvariantCulture, $"# TYPE controlcenter_{name} {type}\n");
            foreach (var (labels, value) in values) text.Append(CultureInfo.InvariantCulture, $"controlcenter_{name}{labels} {value}\n");
        }

        void One(string name, string type, long value) => Series(name, type, [("", value)]);

        One("readings_accepted_total", "counter", ingest.Accepted);
        One("readings_duplicate_total", "counter", ingest.Duplicates);
        Series("readings_rejected_total", "counter", ingest.RejectedByCode.OrderBy(kv => kv.Key).Select(kv => ($"{{code=\"{kv.Key}\"}}", kv.Value)));
        Series("ingest_requests_refused_total", "counter", ingest.RequestsRefusedByStatus.OrderBy(kv => kv.Key).Select(kv => ($"{{status=\"{kv.Key}\"}}", kv.Value)));
        // The readings log: what it appended, how many group commits carried it, and appends that failed (503).
        One("log_readings_appended_total", "counter", log.Appended);
        One("log_commits_total", "counter", log.Commits);
        One("log_append_failures_total", "counter", log.Failures);
        One("log_delivery_failures_total", "counter", intake.DeliveryFailures);
        One("feed_subscribers", "gauge", feed.Subscribers);
        One("feed_changes_received_total", "counter", feed.ChangesReceived);
        One("feed_messages_sent_total", "counter", hub.MessagesSent);
        One("feed_lagging_total", "counter", feed.LagsTotal);
        One("feed_gaps_total", "counter", feed.GapsDetected);
        One("feed_connections_refused_total", "counter", hub.RefusedConnections);
        // The MQTT broker: reading messages taken, messages published, open connections, and refusals by reason.
        One("mqtt_reading_messages_total", "counter", mqtt.Messages);
        One("mqtt_messages_published_total", "counter", mqtt.Published);
        One("mqtt_messages_paced_total", "counter", mqtt.Paced);
        One("mqtt_connections", "gauge", mqtt.Connections);
        Series("mqtt_refused_total", "counter", mqtt.Refused.OrderBy(kv => kv.Key).Select(kv => ($"{{reason=\"{kv.Key}\"}}", kv.Value)));
        // Webhook sends made by this silo's outboxes: HTTP attempts, and runs that ended delivered or dead-lettered.
        One("webhook_attempts_total", "counter", webhooks.Attempts);
        Series("webhook_deliveries_total", "counter", [("{outcome=\"delivered\"}", webhooks.Delivered), ("{outcome=\"dead-lettered\"}", webhooks.DeadLettered)]);
        One("webhook_registrations_refused_total", "counter", webhooks.RegistrationsRefused);
        // The public surface (portal and open data): answers served, not modified (304) and refused for rate.
        Series("open_requests_total", "counter",
            [("{outcome=\"served\"}", open.Served), ("{outcome=\"not-modified\"}", open.NotModified), ("{outcome=\"rate-limited\"}", open.RateLimited)]);
        // E-government imports: rows stored, errors in refused imports by code, and imports refused by status.
        One("egov_rows_imported_total", "counter", egov.RowsImported);
        Series("egov_row_errors_total", "counter", egov.RowErrorsByCode.OrderBy(kv => kv.Key).Select(kv => ($"{{code=\"{kv.Key}\"}}", kv.Value)));
        Series("egov_imports_refused_total", "counter", egov.RefusedByStatus.OrderBy(kv => kv.Key).Select(kv => ($"{{status=\"{kv.Key}\"}}", kv.Value)));
        // Unresolved alerts by status and severity (silenced and inhibited ones counted apart).
        var active = await grains.GetGrain<IAlertBookGrain>(0).Active();
        Series("alerts_active", "gauge", active
            .GroupBy(a => (a.Status, a.Severity, Suppressed: a.Suppressed?.By ?? "no"))
            .OrderBy(g => g.Key.Status, StringComparer.Ordinal).ThenBy(g => g.Key.Severity, StringComparer.Ordinal).ThenBy(g => g.Key.Suppressed, StringComparer.Ordinal)
            .Select(g => ($"{{status=\"{g.Key.Status}\",severity=\"{g.Key.Severity}\",suppressed=\"{g.Key.Suppressed}\"}}", (long)g.Count())));
        // Activations across the cluster, per grain class (e.g. SensorGrain, ZoneGrain).
        var activations = await grains.GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        Series("grain_activations", "gauge", activations
            .GroupBy(a => ShortTypeName(a.GrainType))
            .OrderBy(g => g.Key)
            .Select(g => ($"{{type=\"{g.Key}\"}}", (long)g.Sum(a => a.ActivationCount))));
        return TypedResults.Text(text.ToString(), ContentType);
    }

    /// <summary>"ControlCenter.Grains.Sensors.SensorGrain,ControlCenter.Grains" → "SensorGrain".</summary>
    private static string ShortTypeName(string grainType)
    {
        var typeName = grainType.Split(',')[0];
        return typeName[(typeName.LastIndexOf('.') + 1)..];
    }
}
