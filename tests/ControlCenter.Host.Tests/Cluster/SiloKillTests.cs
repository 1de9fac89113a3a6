using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Cluster;

/// <summary>
/// Three silo processes on PostgreSQL under round-robin load; one is killed (SIGKILL) mid-load. What the cluster
/// acknowledged is durable and readable through the survivors, the feed goes on, the grains of the dead silo answer
/// 503 with Retry-After (never 500) until they are back, and an open critical alert escalates exactly once.
/// </summary>
public class SiloKillTests
{
    [Test]
    public async Task KillOneSiloUnderLoad_AcknowledgedReadingsSurviveAndNothingAnswers500()
    {
        await using var database = await PostgresDatabase.Create();
        await using var cluster = await HostCluster.Start(database.ConnectionString, 3, ShortenDeadlines);
        try
        {
            await KillOneSiloUnderLoad(cluster);
        }
        catch
        {
            await TestContext.Out.WriteLineAsync(cluster.Logs());
            throw;
        }
    }

    private static async Task KillOneSiloUnderLoad(HostCluster cluster)
    {
        // The victim is the silo holding the most sensor grains (the first to start activates the city). Critical alerts
        // raised before the kill escalate a minute later, driven by reminders whose owners are spread over the silos
        // by hash: the dead silo's share is taken over by the survivors, and each alert must still escalate once.
        var sensorsOn = await Task.WhenAll(cluster.Silos.Select(s => cluster.GrainsOn(s, "SensorGrain")));
        var victimIndex = Array.IndexOf(sensorsOn, sensorsOn.MaxBy(s => s.Count));
        var victim = cluster.Silos[victimIndex];
        var survivors = cluster.Silos.Where(s => s != victim).ToList();
        var alertIds = new List<string>();
        using (var admin = await HostCluster.SignedInAsAdmin(cluster.Silos[0]))
        {
            for (var i = 1; i <= 6; i++) alertIds.Add(await RaiseCritical(admin, $"Sập giàn giáo phố Huế {i}"));
        }

        var alertsOnVictim = (await cluster.GrainsOn(victim, "AlertGrain")).Intersect(alertIds).ToList();
        await TestContext.Out.WriteLineAsync($"victim: silo {victim.SiloPort} with {sensorsOn[victimIndex].Count} sensor grains and alerts [{string.Join(", ", alertsOnVictim)}]");
        await using var subscriber = await FeedClient.ConnectReconnecting(new Uri(survivors[0].Url), "alerts", "parking", "air", "water", "rain", "flood", "traffic");

        using var load = new ClusterLoad(cluster.Urls);
        var loading = load.Run(seconds: 20);
        await Eventually.Until(cluster.LoggedReadings, n => n >= 3000, "3,000 readings in the log before the kill", TimeSpan.FromSeconds(60));
        // The sensors whose grains the kill moves (where a stale-on-time check after the kill would look).
        var sensorsOnVictim = await cluster.GrainsOn(victim, "SensorGrain");
        Assert.That(sensorsOnVictim, Is.Not.Empty, "the victim held sensor grains");
        var statesBeforeKill = subscriber.States.Count;

        await victim.Kill();
        var reads = await ReadWhileTheClusterSettles(cluster, victim, survivors, [.. sensorsOnVictim.Order(StringComparer.Ordinal).Take(30)]);

        await TestContext.Out.WriteLineAsync($"after the kill: {reads.Count} reads ({reads.Refused503} × 503); ingest {load.Answers.Count} answers ({load.Answers.Refused503} × 503)");
        foreach (var line in survivors.SelectMany(s => s.RecentOutput.Split('\n')).Where(l => l.Contains("while the cluster settles", StringComparison.Ordinal)).Take(10))
            await TestContext.Out.WriteLineAsync(line);
        Assert.That(await loading, Is.Zero, $"the load ran to its end with nothing rejected: {load.Output}");
        Assert.That(reads.Unexpected(), Is.Empty, $"reads after the kill: only 200 or 503 with Retry-After ({reads.Refused503} × 503 of {reads.Count})");
        Assert.That(load.Answers.Unexpected(), Is.Empty, $"ingest answers: only 202 or 503 with Retry-After ({load.Answers.Refused503} × 503 of {load.Answers.Count})");
        var readers = survivors.Select(s => s.Client()).ToList();
        try
        {
            await load.AssertDurable(cluster, readers);
            load.AssertVersionsOnlyGrow(subscriber);
            Assert.That(subscriber.States.Count, Is.GreaterThan(statesBeforeKill), "the survivor's subscriber kept receiving after the kill");

            // Escalation is one minute after raising: each alert once, level 1, on the record and on the feed.
            foreach (var alertId in alertIds)
            {
                var escalated = await Eventually.Until(() => readers[0].GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{alertId}"),
                    a => a.GetProperty("escalationLevel").GetInt32() >= 1, $"open critical alert {alertId} to escalate", TimeSpan.FromSeconds(120));
                var escalations = escalated.GetProperty("timeline").EnumerateArray().Count(t => t.GetProperty("action").GetString() == "escalated");
                Assert.That((escalated.GetProperty("escalationLevel").GetInt32(), escalations), Is.EqualTo((1, 1)), $"{alertId} escalated exactly once");
                await Eventually.Until(() => Task.FromResult(subscriber.Alerts.Count(a => a.GetProperty("id").GetString() == alertId && a.GetProperty("escalationLevel").GetInt32() == 1)),
                    n => n > 0, $"the subscriber to hear of {alertId}'s escalation");
            }

            await SilentSensorsTurnStaleThenOffline(readers[1], load, sensorsOnVictim);
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }

    /// <summary>
    /// Sensors whose grains lived on the dead silo fall silent when the load ends: each turns stale one reporting interval
    /// after its newest reading and offline after two (the packs' shortest, set by <see cref="ShortenDeadlines"/>), read
    /// through a survivor. "On time" allows the grain's health check period and the sweep after a silo loss.
    /// </summary>
    private static async Task SilentSensorsTurnStaleThenOffline(HttpClient reader, ClusterLoad load, IReadOnlyCollection<string> sensorsOnVictim)
    {
        var interval = TimeSpan.FromSeconds(60);   // parking spots and traffic detectors report every minute (catalogue)
        var slack = TimeSpan.FromSeconds(30);
        var newest = load.Acknowledged().Where(r => sensorsOnVictim.Contains(r.SensorId) && (r.SensorId.StartsWith("ps-", StringComparison.Ordinal) || r.SensorId.StartsWith("td-", StringComparison.Ordinal)))
            .GroupBy(r => r.SensorId).Select(g => (Id: g.Key, Last: g.Max(r => r.Ts))).OrderBy(s => s.Id, StringComparer.Ordinal).Take(5).ToList();
        Assert.That(newest, Is.Not.Empty, "the load fed minute-interval sensors whose grains lived on the dead silo");
        // Stale by its deadline (a slow run may look only once it is offline already, which comes after stale), then offline by its own.
        foreach (var (status, intervals, seen) in new[] { ("stale", 1, new[] { "stale", "offline" }), ("offline", 2, new[] { "offline" }) })
        {
            foreach (var (id, last) in newest)
            {
                var deadline = last + intervals * interval + slack;
                var wait = deadline - DateTimeOffset.UtcNow;
                await Eventually.Until(() => reader.GetFromJsonAsync<JsonElement>($"/api/v1/entities/{id}"), e => seen.Contains(e.GetProperty("status").GetString()),
                    $"{id} (silent since {last:HH:mm:ss}, its grain was on the dead silo) to be {status} by {deadline:HH:mm:ss}", wait > TimeSpan.FromSeconds(1) ? wait : TimeSpan.FromSeconds(1));
            }
        }
    }

    /// <summary>
    /// Reads entities whose grains lived on the dead silo, through the survivors, from the kill until the membership
    /// table says it is dead and every one of them answers 200 again. Returns every answer.
    /// </summary>
    private static async Task<StatusRecorder> ReadWhileTheClusterSettles(HostCluster cluster, HostProcess victim, List<HostProcess> survivors, string[] sensors)
    {
        var answers = new StatusRecorder();
        using var client = new HttpClient(answers);
        client.DefaultRequestHeaders.Add("X-Api-Key", CityHost.DevKey);
        var turn = 0;
        await Eventually.Until(async () =>
        {
            var dead = (await cluster.Membership()).GetValueOrDefault(victim.SiloPort) == (int)Orleans.Runtime.SiloStatus.Dead;
            var answered = 0;
            foreach (var sensor in sensors)
            {
                using var response = await client.GetAsync(new Uri(new Uri(survivors[turn++ % survivors.Count].Url), $"/api/v1/entities/{sensor}"));
                if (response.StatusCode == HttpStatusCode.OK) answered++;
            }

            return dead && answered == sensors.Length;
        }, settled => settled, "the dead silo declared dead and its sensors answering through the survivors", TimeSpan.FromSeconds(90));
        return answers;
    }

    /// <summary>
    /// The shortest windows the packs allow, so the test sees them pass: critical alerts escalate after one minute instead
    /// of five, and a sensor is stale after one missed interval and offline after two (instead of 3 and 10).
    /// </summary>
    private static async Task ShortenDeadlines(HostProcess silo)
    {
        using var admin = await HostCluster.SignedInAsAdmin(silo);
        var current = (await admin.GetFromJsonAsync<JsonNode>("/api/v1/thresholds"))!;
        current["packs"]!["alerting"]!["escalateCriticalMinutes"] = 1;
        current["packs"]!["health"]!["staleAfterIntervals"] = 1;
        current["packs"]!["health"]!["offlineAfterIntervals"] = 2;
        using var response = await admin.PutAsJsonAsync("/api/v1/thresholds", new { version = current["version"], packs = current["packs"] });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task<string> RaiseCritical(HttpClient admin, string title)
    {
        using var response = await admin.PostAsJsonAsync("/api/v1/alerts", new { title, severity = "critical", zoneId = "dong-da" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
