using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ControlCenter.Host.Hosting;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>
/// A host configured as operators are told to (docs/operations.md): OTLP over HTTP/protobuf to a collector, here the
/// test's own <see cref="OtlpReceiver"/>, and the Orleans Dashboard switched off. One host for both, as each costs a silo.
/// </summary>
public class OtlpExportTests : SqliteHostFixture
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;
    private static readonly TimeSpan ExportWait = TimeSpan.FromSeconds(30);

    private OtlpReceiver _receiver = null!;

    protected override async Task<(string Key, string Value)[]> Settings(string dataPath)
    {
        _receiver = await OtlpReceiver.Start();
        return
        [
            ("Telemetry:OtlpEndpoint", _receiver.Address),
            ("Telemetry:OtlpProtocol", OtlpExport.HttpProtobuf),
            // The standard variables, read by the exporter from the host's configuration: export soon, not every 5 s / 60 s.
            ("OTEL_BSP_SCHEDULE_DELAY", "100"),
            ("OTEL_METRIC_EXPORT_INTERVAL", "500"),
            ("Orleans:Dashboard:Enabled", "false"),
        ];
    }

    [OneTimeTearDown]
    public async Task StopReceiver() => await _receiver.DisposeAsync();

    [Test]
    public async Task Export_OfAnIngestRequest_ReachesTheCollectorAsOneTrace_FromRequestThroughGrainToFeedPublish()
    {
        var trace = ActivityTraceId.CreateRandom().ToHexString();
        var gateway = ActivitySpanId.CreateRandom().ToHexString();

        using var ingester = Host.Ingester();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readings")
        {
            Content = JsonContent.Create(Json.Batch(Json.Reading("fl-phan-boi-chau", Now, new { depthCm = 4 })), options: Json.Options),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{gateway}-01");
        using var response = await ingester.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var spans = await Eventually.Until(() => Task.FromResult(_receiver.Spans.Where(s => s.TraceId == trace).ToList()),
            s => s.Any(x => x.Name == "feed publish") && s.Any(x => x.Name == "ingest batch") && s.Any(x => x.Kind == OtlpSpanKind.Server && x.ParentSpanId == gateway),
            "the receiver to get the request's, the ingest's and the feed publish's spans of the trace", ExportWait);
        var byId = spans.ToDictionary(s => s.SpanId);
        var seen = string.Join(", ", spans.Select(s => $"{s.Name} ({s.Scope}, {s.Kind})"));
        TestContext.Out.WriteLine($"The trace at the receiver: {seen}");

        var server = spans.Single(s => s.Kind == OtlpSpanKind.Server && s.ParentSpanId == gateway);
        Assert.That(server.Attributes.GetValueOrDefault("url.path"), Is.EqualTo("/api/v1/readings"), "the request's span continues the gateway's trace");
        var ingest = spans.Single(s => s.Name == "ingest batch");
        Assert.That(Ancestors(ingest, byId), Does.Contain(server.SpanId), $"the ingest span is under the request's; seen: {seen}");
        var grainCalls = spans.Where(s => s.Name.Contains("ISensorGrain", StringComparison.Ordinal) && Ancestors(s, byId).Contains(ingest.SpanId)).ToList();
        Assert.That(grainCalls, Is.Not.Empty, $"the sensor grain's call is under the ingest span; seen: {seen}");
        var publish = spans.First(s => s.Name == "feed publish");
        Assert.That(publish.Kind, Is.EqualTo(OtlpSpanKind.Producer));
        Assert.That(Ancestors(publish, byId), Does.Contain(grainCalls[0].SpanId).And.Contain(ingest.SpanId).And.Contain(server.SpanId),
            $"the feed publish hangs under the grain call whose change it carries; seen: {seen}");

        Assert.That(spans.Select(s => s.Resource.GetValueOrDefault("service.name")).Distinct(), Is.EqualTo(new[] { "controlcenter" }));
        Assert.That(_receiver.Refused, Is.Empty, "every export was application/x-protobuf");
    }

    [Test]
    public async Task Export_OfMetrics_CarriesTheCentresInstrumentsBesideAspNetCores()
    {
        using (var ingester = Host.Ingester())
        {
            using var response = await ingester.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-phan-boi-chau", Now.AddSeconds(-30), new { depthCm = 2 })));
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        }

        string[] expected = ["controlcenter.readings.accepted", "controlcenter.log.readings_appended", "controlcenter.log.commits", "http.server.request.duration"];
        var metrics = await Eventually.Until(() => Task.FromResult(_receiver.Metrics),
            m => expected.All(name => m.Any(x => x.Name == name)), $"the receiver to get {string.Join(", ", expected)}", ExportWait);

        Assert.That(metrics.Where(m => expected.Contains(m.Name)).Select(m => m.Resource.GetValueOrDefault("service.name")).Distinct(),
            Is.EqualTo(new[] { "controlcenter" }));
        Assert.That(_receiver.Refused, Is.Empty, "every export was application/x-protobuf");
    }

    [Test]
    public async Task OrleansDashboard_SwitchedOff_IsNotFound_EvenForAdmins()
    {
        using var admin = await Host.SignedIn("admin");
        Assert.That((await admin.GetAsync("/ops/orleans/")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));

        using var anonymous = Host.Anonymous();
        using var refused = await anonymous.GetAsync("/ops/orleans/");
        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "nothing is there to sign in for");
    }

    /// <summary>The span's parent, its parent's parent, … as far as the trace's spans go.</summary>
    private static List<string> Ancestors(OtlpSpan span, Dictionary<string, OtlpSpan> byId)
    {
        var ancestors = new List<string>();
        for (var parent = span.ParentSpanId; parent.Length > 0 && !ancestors.Contains(parent); parent = byId.TryGetValue(parent, out var p) ? p.ParentSpanId : "")
            ancestors.Add(parent);
        return ancestors;
    }
}
