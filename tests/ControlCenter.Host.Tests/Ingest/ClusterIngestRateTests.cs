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
        var clock = System.Diagnostics.Stopwatch.StartNew();
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

        // The cluster's bucket holds the burst of 2 plus what refilled meanwhile (1/s), one token per started second;
        // a bucket per host would have accepted B's first two at once as well.
        var refilled = (int)Math.Ceiling(clock.Elapsed.TotalSeconds);
        Assert.That(onTheOtherHost.Count(s => s == HttpStatusCode.Accepted), Is.LessThanOrEqualTo(refilled),
            $"{string.Join(", ", onTheOtherHost)} in {clock.Elapsed.TotalSeconds:0.0} s");
        Assert.That(onTheOtherHost, Does.Contain(HttpStatusCode.TooManyRequests));
    }

    [Test]
    public async Task MqttBurstSpentOnOneHost_PacesTheOther()
    {
        var key = HostA.Services.GetRequiredService<IngestKeyRing>().Find(SlowKey)!;
        var ratesA = HostA.Services.GetRequiredService<MqttKeyRates>();
        for (var i = 0; i < 2; i++) Assert.That(await ratesA.Wait(key, CancellationToken.None), Is.True, "the key's burst of 2, on host A");

        using var readerB = HostB.Ingester();
        var ratesB = HostB.Services.GetRequiredService<MqttKeyRates>();
        var pacedBefore = Paced(await readerB.GetStringAsync("/metrics"));
        for (var i = 0; i < 3; i++) Assert.That(await ratesB.Wait(key, CancellationToken.None), Is.True, "let through once a token refills");
        // A bucket per host would let B's first two through at once and pace at most the third; the cluster's bucket
        // was spent on A, so B waits from the first (bar a slow machine's refill between the two hosts' turns).
        Assert.That(Paced(await readerB.GetStringAsync("/metrics")) - pacedBefore, Is.GreaterThanOrEqualTo(2), "host B's messages waited for the cluster's tokens");
    }

    /// <summary>Host B's count of paced MQTT messages, as its /metrics shows it (each host exposes only its own).</summary>
    private static long Paced(string metrics)
    {
        var match = System.Text.RegularExpressions.Regex.Match(metrics, @"^controlcenter_mqtt_messages_paced_total (\d+)", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.That(match.Success, Is.True, "controlcenter_mqtt_messages_paced_total in /metrics");
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
