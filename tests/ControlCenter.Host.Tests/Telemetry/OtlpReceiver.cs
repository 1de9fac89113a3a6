using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>
/// An OTLP/HTTP receiver on a real loopback port, standing in for an OpenTelemetry Collector (none can be installed
/// here): <c>POST /v1/traces</c> and <c>/v1/metrics</c> with <c>application/x-protobuf</c> bodies, decoded by
/// <see cref="OtlpDecoder"/> and kept for the test. Anything else is refused as a collector would (404, 415).
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private const string Protobuf = "application/x-protobuf";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();
    private readonly ConcurrentQueue<OtlpMetric> _metrics = new();
    private readonly ConcurrentQueue<string> _refused = new();

    private OtlpReceiver(WebApplication app) => _app = app;

    /// <summary>The base address to configure as the collector (<c>http://127.0.0.1:port</c>).</summary>
    public string Address => LoopbackApp.AddressOf(_app);

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    public IReadOnlyList<OtlpMetric> Metrics => [.. _metrics];

    /// <summary>Requests refused (wrong content type), as "content type → path": a test expects none.</summary>
    public IReadOnlyList<string> Refused => [.. _refused];

    public static async Task<OtlpReceiver> Start()
    {
        var builder = LoopbackApp.CreateBuilder();
        // The host under test traces every "Microsoft.AspNetCore" source in the process: under other names, the
        // receiver's own requests do not become spans exported to it again, and again.
        builder.Services.AddSingleton(new ActivitySource("ControlCenter.Tests.OtlpReceiver"));
        builder.Services.AddSingleton(new DiagnosticListener("ControlCenter.Tests.OtlpReceiver"));
        var app = builder.Build();
        var receiver = new OtlpReceiver(app);
        app.MapPost("/v1/traces", http => receiver.Receive(http, body => Keep(receiver._spans, OtlpDecoder.Spans(body))));
        app.MapPost("/v1/metrics", http => receiver.Receive(http, body => Keep(receiver._metrics, OtlpDecoder.Metrics(body))));
        await app.StartAsync();
        return receiver;
    }

    private async Task Receive(HttpContext http, Action<byte[]> decode)
    {
        if (!string.Equals(http.Request.ContentType, Protobuf, StringComparison.OrdinalIgnoreCase))
        {
            _refused.Enqueue($"{http.Request.ContentType} → {http.Request.Path}");
            http.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        using var body = new MemoryStream();
        if (string.Equals(http.Request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
        {
            await using var gzip = new GZipStream(http.Request.Body, CompressionMode.Decompress);
            await gzip.CopyToAsync(body, http.RequestAborted);
        }
        else await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        decode(body.ToArray());
        // An empty Export*ServiceResponse: everything was accepted.
        http.Response.ContentType = Protobuf;
        http.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static void Keep<T>(ConcurrentQueue<T> into, IEnumerable<T> items)
    {
        foreach (var item in items) into.Enqueue(item);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
