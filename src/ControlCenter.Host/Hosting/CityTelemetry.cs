using System.Diagnostics;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// The names the centre's own telemetry goes by: one meter for its instruments (exported at <c>/metrics</c> and,
/// when configured, over OTLP) and one activity source for its spans. Instrument names are chosen so that the
/// Prometheus exporter's translation (dots to underscores, <c>_total</c> on counters, no suffix for annotation
/// units such as <c>{reading}</c>) gives exactly the documented <c>controlcenter_*</c> series.
/// </summary>
public static class CityTelemetry
{
    public const string MeterName = Contracts.TelemetryNames.Meter;

    public const string ActivitySourceName = "ControlCenter";

    public static readonly ActivitySource Source = new(ActivitySourceName);
}
