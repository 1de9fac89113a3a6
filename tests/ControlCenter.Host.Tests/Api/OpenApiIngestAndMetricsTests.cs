using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Api;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Api;

/// <summary>
/// The two endpoints whose contract the framework cannot infer: ingest reads its body by hand, and /metrics answers
/// Prometheus text. The document still tells an integrator what to send and what comes back.
/// </summary>
public class OpenApiIngestAndMetricsTests : SqliteHostFixture
{
    private async Task<JsonObject> Document()
    {
        using var client = Host.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>(ApiDocumentation.DocumentPath))!;
    }

    [Test]
    public async Task Ingest_IsDocumented_WithItsBatchBody_ItsAnswer_AndWhenToRetry()
    {
        var operation = (await Document())["paths"]!["/api/v1/readings"]!["post"]!;

        Assert.That(operation["requestBody"]?["content"]?["application/json"]?["schema"], Is.Not.Null, "the batch's shape is declared");
        var responses = operation["responses"]!.AsObject();
        Assert.That(responses.Select(r => r.Key), Is.SupersetOf(new[] { "202", "400", "401", "403", "413", "415", "429", "503" }));
        Assert.That(responses["202"]!["content"]?["application/json"], Is.Not.Null, "the acknowledgement has a body");
        foreach (var status in new[] { "429", "503" })
            Assert.That(responses[status]!["headers"]?["Retry-After"], Is.Not.Null, $"{status} says when to resend");
        Assert.That((string?)operation["description"], Does.Contain("out-of-range").And.Contain("5000"), "the per-reading codes and the limits are described");
    }

    [Test]
    public async Task Metrics_IsDocumented_AsPrometheusText()
    {
        var ok = (await Document())["paths"]!["/metrics"]!["get"]!["responses"]!["200"]!;
        Assert.That(ok["content"]!.AsObject().Select(c => c.Key).Single(), Does.StartWith("text/plain"));
    }
}
