namespace ControlCenter.Host.Hosting;

/// <summary>Settings under <c>Telemetry</c>: where traces and metrics go beyond <c>/metrics</c>, and how fresh cluster gauges are.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>
    /// An OTLP collector's base address (e.g. <c>http://otel-collector:4317</c> for gRPC, <c>:4318</c> for HTTP). Empty:
    /// no OTLP export, unless the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable is set. Traces are recorded only
    /// when one of them is.
    /// </summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary>
    /// <c>grpc</c> or <c>http/protobuf</c>. Empty: the standard <c>OTEL_EXPORTER_OTLP_PROTOCOL</c> variable, else gRPC.
    /// </summary>
    public string? OtlpProtocol { get; set; }

    /// <summary>How often the alert and activation gauges are read from the grains, whoever scrapes.</summary>
    public TimeSpan ClusterRefreshPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Where the Orleans Dashboard is served (admins only).</summary>
    public string DashboardPath { get; set; } = "/ops/orleans";
}
