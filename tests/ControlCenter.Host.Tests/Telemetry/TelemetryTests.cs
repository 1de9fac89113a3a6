using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Telemetry;

/// <summary>/metrics through the OpenTelemetry exporter, traces across ingest → grain → feed, and the Orleans Dashboard.</summary>
public class TelemetryTests : SqliteHostFixture
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Test]
    public async Task Metrics_HoldOrleansAspNetCoreAndRuntimeSeries_BesideTheCentresOwn()
    {
        using var client = Host.CreateClient();
        var text = await client.GetStringAsync("/metrics");

        Assert.That(text, Does.Contain("\norleans_catalog_activations"), "Orleans' meter");
        Assert.That(text, Does.Contain("\nhttp_server_request_duration_seconds_bucket{"), "ASP.NET Core's meter");
        Assert.That(text, Does.Contain("\ndotnet_process_cpu_time_seconds_total").And.Contain("\ndotnet_gc_collections_total"), "the runtime's meter");
        Assert.That(text, Does.Match(@"\ncontrolcenter_readings_accepted_total \d+\n"), "a series without labels is written without braces, as before");
        Assert.That(text, Does.Not.Contain("{}"));
    }

    [Test]
    public async Task Trace_ConnectsAnIngestRequest_ToTheSensorGrainCall_AndTheFeedBatch()
    {
        var stopped = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name is "Microsoft.AspNetCore" or "ControlCenter" or "ControlCenter.Grains" || s.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var trace = ActivityTraceId.CreateRandom();

        using var ingester = Host.Ingester();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/readings")
        {
            Content = JsonContent.Create(Json.Batch(Json.Reading("fl-phan-boi-chau", Now, new { depthCm = 3 })), options: Json.Options),
        };
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        using var response = await ingester.SendAsync(request);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        var feed = await Eventually.Until(() => Task.FromResult(stopped.FirstOrDefault(a => a.Source.Name == "ControlCenter.Grains"
                && (a.TraceId == trace || a.Links.Any(l => l.Context.TraceId == trace)))),
            a => a is not null, "a feed batch in or linked to the ingest request's trace");
        var ours = stopped.Where(a => a.TraceId == trace).ToList();
        var ingest = ours.Single(a => a.Source.Name == "ControlCenter" && a.OperationName == "ingest batch");
        var grainCall = ours.FirstOrDefault(a => a.ParentSpanId == ingest.SpanId && a.DisplayName.Contains("ISensorGrain", StringComparison.Ordinal));
        Assert.That(grainCall, Is.Not.Null, $"the sensor grain's call is a child of the ingest span; seen: {string.Join(", ", ours.Select(a => a.DisplayName))}");
        Assert.That(feed!.Links.Select(l => l.Context.TraceId).Append(feed.TraceId), Does.Contain(trace),
            "the feed batch is a child of the first call whose change it carries and links to the others");
    }

    [Test]
    public async Task OrleansDashboard_IsRefusedToOperatorsAndAnonymous_AndServedToAdmins()
    {
        using var anonymous = Host.Anonymous();
        using var refusedAnonymous = await anonymous.GetAsync("/ops/orleans/");
        Assert.That(refusedAnonymous.RequestMessage!.RequestUri!.AbsolutePath, Is.EqualTo("/login"), "an anonymous browser is sent to sign in");

        using var operatorClient = await Host.SignedIn("operator");
        Assert.That((await operatorClient.GetAsync("/ops/orleans/")).StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));

        using var admin = await Host.SignedIn("admin");
        using var served = await admin.GetAsync("/ops/orleans/");
        Assert.That(served.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(await served.Content.ReadAsStringAsync(), Does.Contain("Orleans Dashboard"));
    }
}
