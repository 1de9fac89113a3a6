using System.Net;
using System.Net.Http.Json;
using ControlCenter.Host.Ingest;
using ControlCenter.Host.Mqtt;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>A key's rate holds for the whole cluster, not once per host, over HTTP and over MQTT.</summary>
public class ClusterIngestRateTests : TwoHostCluster
{
    private const string SlowKey = "slow-gateway-key";

    protected override (string Key, string Value)[] Settings =>
        [("Ingest:Keys:2:Name", "slow-gateway"), ("Ingest:Keys:2:Key", SlowKey), ("Ingest:Keys:2:RequestsPerSecond", "1"), ("Mqtt:Enabled", "true")];

    private static async Task<HttpResponseMessage> Send(HttpClient client, int i) =>
        await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("rg-tay-ho", DateTimeOffset.UtcNow.AddSeconds(-60 + i), new { rainMm = 0 })));

    [Test]
    public async Task BurstSpentOnOneHost_IsSpentOnTheOther()
    {
        using var onA = HostA.Ingester(SlowKey);
        using var onB = HostB.Ingester(SlowKey);
        for (var i = 0; i < 2; i++)
        {
            using var accepted = await Send(onA, i);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Accepted), "the key's burst of 2, on host A");
        }

        var onTheOtherHost = new List<HttpStatusCode>();
        for (var i = 2; i < 5; i++)
        {
            using var response = await Send(onB, i);
            onTheOtherHost.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests) Assert.That(response.Headers.RetryAfter, Is.Not.Null);
        }

        // A bucket per host would accept B's first two at once; the cluster's bucket has at most the one token that
        // refilled meanwhile (1/s).
        Assert.That(onTheOtherHost.Count(s => s == HttpStatusCode.Accepted), Is.LessThanOrEqualTo(1), string.Join(", ", onTheOtherHost));
        Assert.That(onTheOtherHost, Does.Contain(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task MqttBurstSpentOnOneHost_PacesTheOther()
    {
        var key = HostA.Services.GetRequiredService<IngestKeyRing>().Find(SlowKey)!;
        var ratesA = HostA.Services.GetRequiredService<MqttKeyRates>();
        for (var i = 0; i < 2; i++) Assert.That(await ratesA.Wait(key, CancellationToken.None), Is.True, "the key's burst of 2, on host A");

        var metricsB = HostB.Services.GetRequiredService<MqttMetrics>();
        var pacedBefore = metricsB.Paced;
        Assert.That(await HostB.Services.GetRequiredService<MqttKeyRates>().Wait(key, CancellationToken.None), Is.True, "let through once a token refills");
        Assert.That(metricsB.Paced, Is.EqualTo(pacedBefore + 1), "host B's message waited for the cluster's next token; a bucket per host would have had 2 at once");
    }
}
