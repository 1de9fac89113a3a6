using System.Globalization;
using System.Text;
using ControlCenter.Host.Feed;
using ControlCenter.Host.History;
using ControlCenter.Host.Ingest;

namespace ControlCenter.Host.Api;

/// <summary><c>GET /metrics</c> in Prometheus text format: what was accepted, refused, and written.</summary>
public static class MetricsEndpoint
{
    public static IEndpointRouteBuilder MapMetrics(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", (IngestMetrics ingest, HistoryWriter history, LiveFeed feed, HubFeedSender hub) =>
        {
            var text = new StringBuilder();
            void Line(string name, string labels, long value) =>
                text.Append(CultureInfo.InvariantCulture, $"{name}{labels} {value}\n");

            text.Append("# TYPE controlcenter_readings_accepted_total counter\n");
            Line("controlcenter_readings_accepted_total", "", ingest.Accepted);
            text.Append("# TYPE controlcenter_readings_duplicate_total counter\n");
            Line("controlcenter_readings_duplicate_total", "", ingest.Duplicates);
            text.Append("# TYPE controlcenter_readings_rejected_total counter\n");
            foreach (var (code, n) in ingest.RejectedByCode.OrderBy(kv => kv.Key)) Line("controlcenter_readings_rejected_total", $"{{code=\"{code}\"}}", n);
            text.Append("# TYPE controlcenter_ingest_requests_refused_total counter\n");
            foreach (var (status, n) in ingest.RequestsRefusedByStatus.OrderBy(kv => kv.Key)) Line("controlcenter_ingest_requests_refused_total", $"{{status=\"{status}\"}}", n);
            text.Append("# TYPE controlcenter_history_rows_written_total counter\n");
            Line("controlcenter_history_rows_written_total", "", history.RowsWritten);
            text.Append("# TYPE controlcenter_history_rows_pending gauge\n");
            Line("controlcenter_history_rows_pending", "", history.Pending);
            text.Append("# TYPE controlcenter_feed_subscribers gauge\n");
            Line("controlcenter_feed_subscribers", "", feed.Subscribers);
            text.Append("# TYPE controlcenter_feed_changes_received_total counter\n");
            Line("controlcenter_feed_changes_received_total", "", feed.ChangesReceived);
            text.Append("# TYPE controlcenter_feed_messages_sent_total counter\n");
            Line("controlcenter_feed_messages_sent_total", "", hub.MessagesSent);
            text.Append("# TYPE controlcenter_feed_lagging_total counter\n");
            Line("controlcenter_feed_lagging_total", "", feed.LagsTotal);
            text.Append("# TYPE controlcenter_feed_gaps_total counter\n");
            Line("controlcenter_feed_gaps_total", "", feed.GapsDetected);
            return Results.Text(text.ToString(), "text/plain; version=0.0.4");
        }).WithName("GetMetrics");
        return app;
    }
}
