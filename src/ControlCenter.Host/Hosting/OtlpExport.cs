using OpenTelemetry.Exporter;

namespace ControlCenter.Host.Hosting;

/// <summary>
/// Where spans and metrics go beyond <c>/metrics</c>: an OTLP collector named by <c>Telemetry:OtlpEndpoint</c> or the
/// standard <c>OTEL_EXPORTER_OTLP_*</c> variables (which the exporter reads itself), over gRPC or HTTP/protobuf.
/// </summary>
public sealed class OtlpExport
{
    public const string Grpc = "grpc";
    public const string HttpProtobuf = "http/protobuf";

    private readonly Uri? _endpoint;
    private readonly OtlpExportProtocol? _protocol;

    private OtlpExport(Uri? endpoint, OtlpExportProtocol? protocol)
    {
        _endpoint = endpoint;
        _protocol = protocol;
    }

    /// <returns>Null when no collector is configured: nothing is exported and no span is recorded.</returns>
    public static OtlpExport? From(IConfiguration configuration, TelemetryOptions options)
    {
        var configured = string.IsNullOrWhiteSpace(options.OtlpEndpoint) ? null : options.OtlpEndpoint.Trim();
        if (configured is null && string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"])) return null;
        Uri? endpoint = null;
        if (configured is not null && (!Uri.TryCreate(configured, UriKind.Absolute, out endpoint) || endpoint.Scheme is not ("http" or "https")))
            throw new InvalidOperationException(
                $"Telemetry:OtlpEndpoint '{configured}' is not an http:// or https:// address. Set the collector's base address, e.g. http://otel-collector:4317.");
        return new OtlpExport(endpoint, Protocol(options.OtlpProtocol));
    }

    /// <summary>Applied after the exporter read the standard variables, so a protocol given only there still counts.</summary>
    /// <param name="signalPath">The path an OTLP/HTTP receiver takes this signal at: <c>v1/traces</c>, <c>v1/metrics</c>.</param>
    public void Configure(OtlpExporterOptions exporter, string signalPath)
    {
        if (_protocol is { } protocol) exporter.Protocol = protocol;
        if (_endpoint is null) return;
        // The exporter appends the signal's path only to an endpoint from the standard variable, never to one set here.
        exporter.Endpoint = exporter.Protocol == OtlpExportProtocol.HttpProtobuf
            ? new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath)
            : _endpoint;
    }

    private static OtlpExportProtocol? Protocol(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => null,
        Grpc => OtlpExportProtocol.Grpc,
        HttpProtobuf => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Telemetry:OtlpProtocol '{name}' is not known. Set {Grpc} or {HttpProtobuf}, or leave it empty."),
    };
}
