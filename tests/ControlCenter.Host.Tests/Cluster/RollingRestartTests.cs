using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Cluster;

/// <summary>
/// An upgrade's rolling restart: each of three silos in turn stopped gracefully (SIGTERM) and started again while load
/// goes round robin to all three. Nothing acknowledged is lost, no answer is a 5xx that the documented retry does not
/// cover, and feed subscribers of every silo and a wall on the first silo to restart come back by themselves.
/// </summary>
public class RollingRestartTests
{
    private static readonly string[] Topics = ["parking", "air", "water", "rain", "flood", "traffic"];

    [Test]
    public async Task RollingRestartUnderLoad_NoAcknowledgedReadingLost_SubscribersAndWallReconnect()
    {
        await using var database = await PostgresDatabase.Create();
        await using var cluster = await HostCluster.Start(database.ConnectionString, 3);
        try
        {
            await RollingRestart(cluster);
        }
        catch
        {
            await TestContext.Out.WriteLineAsync(cluster.Logs());
            throw;
        }
    }

    private static async Task RollingRestart(HostCluster cluster)
    {
        var subscribers = await Task.WhenAll(cluster.Silos.Select(s => FeedClient.ConnectReconnecting(new Uri(s.Url), Topics)));
        // The wall's circuit lives in its silo's process and dies with it; the silo restarted first, so the wall then
        // also lives through the other two restarts.
        await using var wall = await ClusterWall.Open(cluster.Silos[0]);
        try
        {
            using var load = new ClusterLoad(cluster.Urls);
            using var stop = new CancellationTokenSource();
            var loading = load.RunUntil(stop.Token, rate: 1000);
            await Eventually.Until(cluster.LoggedReadings, n => n >= 2000, "2,000 readings in the log before the first restart", TimeSpan.FromSeconds(60));

            for (var i = 0; i < cluster.Silos.Count; i++)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                await cluster.Stop(i);
                if (i == 0) await wall.SaysItIsDisconnected();
                await cluster.Restart(i);
                await cluster.WaitForActive(cluster.Silos.Count);
                if (i == 0)
                {
                    var active = clock.Elapsed;
                    // Reconnection attempts back off to 15 s at most, and the page reloads as soon as it answers.
                    await wall.IsLiveAgain(within: TimeSpan.FromSeconds(45));
                    await TestContext.Out.WriteLineAsync($"wall: its silo active again {active.TotalSeconds:0.0} s after the stop began, the wall live at {clock.Elapsed.TotalSeconds:0.0} s");
                }
            }

            // Every subscriber (each silo's own was cut by its restart) hears of readings sent after the last restart.
            var heard = subscribers.Select(s => s.States.Count).ToArray();
            await Eventually.Until(() => Task.FromResult(subscribers.Select((s, i) => s.States.Count > heard[i]).ToArray()), h => h.All(x => x),
                $"every subscriber to receive states after the rolling restart ({string.Join("; ", subscribers.Select(s => s.Describe()))})", TimeSpan.FromSeconds(30));
            stop.Cancel();
            var runs = await loading;
            await TestContext.Out.WriteLineAsync($"{runs.Count} load runs; ingest {load.Answers.Count} answers ({load.Answers.Refused503} × 503); subscribers: {string.Join("; ", subscribers.Select(s => s.Describe()))}");

            Assert.That(runs, Is.All.Zero, $"every load run ended with nothing rejected: {load.Output}");
            Assert.That(load.Answers.Unexpected(), Is.Empty, "no 5xx but 503 with Retry-After, which the load's resend covers");
            Assert.That(subscribers.Select(s => s.Reconnects), Is.All.GreaterThanOrEqualTo(1), "each subscriber's silo restarted under it, and it reconnected by itself");
            var readers = cluster.Silos.Select(s => s.Client()).ToList();
            try
            {
                await load.AssertDurable(cluster, readers);
                foreach (var subscriber in subscribers) load.AssertVersionsOnlyGrow(subscriber);
                // After the load (whose flood readings would overwrite it) and its checks (which count every reading).
                await wall.ShowsOnTheMap(cluster.Silos[2], "fl-phan-boi-chau", depthCm: 23);
            }
            finally
            {
                foreach (var reader in readers) reader.Dispose();
            }
        }
        finally
        {
            foreach (var subscriber in subscribers) await subscriber.DisposeAsync();
        }
    }
}
