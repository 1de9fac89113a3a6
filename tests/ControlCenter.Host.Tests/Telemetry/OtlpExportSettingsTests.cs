using ControlCenter.Host.Hosting;
using Microsoft.Extensions.Configuration;
using OpenTelemetry.Exporter;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>How <c>Telemetry:OtlpEndpoint</c> and <c>Telemetry:OtlpProtocol</c> become the exporter's address, without a host.</summary>
public class OtlpExportSettingsTests
{
    private static readonly IConfiguration NoVariables = new ConfigurationBuilder().Build();

    [Test]
    public void From_NoEndpointConfigured_ExportsNothing()
    {
        Assert.That(OtlpExport.From(NoVariables, new TelemetryOptions { OtlpProtocol = OtlpExport.HttpProtobuf }), Is.Null);
    }

    [Test]
    public void Configure_HttpProtobuf_AddsEachSignalsPathToTheBaseAddress()
    {
        var export = OtlpExport.From(NoVariables, new TelemetryOptions { OtlpEndpoint = "http://collector:4318/", OtlpProtocol = "HTTP/protobuf" })!;

        var traces = new OtlpExporterOptions();
        export.Configure(traces, "v1/traces");
        var metrics = new OtlpExporterOptions();
        export.Configure(metrics, "v1/metrics");

        Assert.That((traces.Protocol, traces.Endpoint.AbsoluteUri, metrics.Endpoint.AbsoluteUri),
            Is.EqualTo((OtlpExportProtocol.HttpProtobuf, "http://collector:4318/v1/traces", "http://collector:4318/v1/metrics")));
    }

    [Test]
    public void Configure_ProtocolOnlyFromTheStandardVariable_StillAddsThePath()
    {
        var export = OtlpExport.From(NoVariables, new TelemetryOptions { OtlpEndpoint = "http://collector:4318" })!;
        var exporter = new OtlpExporterOptions { Protocol = OtlpExportProtocol.HttpProtobuf };

        export.Configure(exporter, "v1/traces");

        Assert.That(exporter.Endpoint.AbsoluteUri, Is.EqualTo("http://collector:4318/v1/traces"));
    }

    [Test]
    public void Configure_Grpc_UsesTheAddressAsGiven()
    {
        var export = OtlpExport.From(NoVariables, new TelemetryOptions { OtlpEndpoint = "http://collector:4317", OtlpProtocol = "grpc" })!;
        var exporter = new OtlpExporterOptions();

        export.Configure(exporter, "v1/traces");

        Assert.That((exporter.Protocol, exporter.Endpoint.AbsoluteUri), Is.EqualTo((OtlpExportProtocol.Grpc, "http://collector:4317/")));
    }

    [TestCase("http://collector:4318", "json")]
    [TestCase("collector:4318", "grpc")]
    public void From_SettingsThatCannotWork_FailWithWhatToSet(string endpoint, string protocol)
    {
        var failure = Assert.Throws<InvalidOperationException>(() => OtlpExport.From(NoVariables, new TelemetryOptions { OtlpEndpoint = endpoint, OtlpProtocol = protocol }));

        Assert.That(failure!.Message, Does.Contain("Telemetry:Otlp").And.Contain("Set "));
    }
}
