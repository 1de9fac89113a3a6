using System.Diagnostics.Metrics;
using ControlCenter.Grains.Sensors;
using ControlCenter.Host.Feed;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Counts kept by parts that are not the Host's own (the readings log in Storage, the reading intake in Grains) or
/// that tests read directly (the live feed), exposed as observable instruments of the centre's meter: the exporter
/// reads them at collection time, nothing is copied in between.
/// </summary>
public sealed class TelemetryObservedCounters
{
    public TelemetryObservedCounters(IMeterFactory meters, ReadingLogWriter log, ReadingIntake intake, LiveFeed feed, HubFeedSender hub)
    {
        var meter = meters.Create(CityTelemetry.MeterName);
        meter.CreateObservableCounter("controlcenter.log.readings_appended", () => log.Appended, "{reading}", "Readings the log appended");
        meter.CreateObservableCounter("controlcenter.log.commits", () => log.Commits, "{commit}", "Group commits that carried them");
        meter.CreateObservableCounter("controlcenter.log.append_failures", () => log.Failures, "{append}", "Appends that failed (the request got 503)");
        meter.CreateObservableCounter("controlcenter.log.delivery_failures", () => intake.DeliveryFailures, "{delivery}",
            "Sensor grains that did not take rows already logged (they catch up from the log)");
        meter.CreateObservableUpDownCounter("controlcenter.feed.subscribers", () => (long)feed.Subscribers, "{subscriber}", "Live feed subscriptions on this host");
        meter.CreateObservableCounter("controlcenter.feed.changes_received", () => feed.ChangesReceived, "{change}", "Changes the silos published to this host");
        meter.CreateObservableCounter("controlcenter.feed.messages_sent", () => hub.MessagesSent, "{message}", "Hub messages sent");
        meter.CreateObservableCounter("controlcenter.feed.lagging", () => feed.LagsTotal, "{resync}", "Subscribers resynced because they lagged");
        meter.CreateObservableCounter("controlcenter.feed.gaps", () => feed.GapsDetected, "{gap}", "Batches found missing, each answered by resyncing everyone");
        meter.CreateObservableCounter("controlcenter.feed.connections_refused", () => hub.RefusedConnections, "{connection}", "Hub connections refused at the per-caller cap");
    }
}
