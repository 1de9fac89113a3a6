using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests;

/// <summary>
/// What the README promises about a crash: a reading answered with 202 is in live state for good; only
/// history rows still queued at the moment of the crash (at most one flush interval's worth) can be lost.
/// </summary>
public class CrashTests
{
    [Test]
    public async Task KillAfter202_LiveStateSurvives_HistoryOlderThanAFlushSurvives()
    {
        using var data = new TempDirectory();
        var early = DateTimeOffset.UtcNow.AddMinutes(-2);
        var late = DateTimeOffset.UtcNow.AddSeconds(-1);

        await using (var host = await HostProcess.Start(data.Path))
        {
            using var client = host.Client();
            var first = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-truong-chinh", early, new { depthCm = 12 })));
            Assert.That(first.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
            // Let the history writer flush the first reading (its interval is 0.5 s by default).
            await Eventually.Until(() => client.GetStringAsync("/metrics"),
                m => m.Contains("controlcenter_history_rows_written_total 1", StringComparison.Ordinal), "the first reading's history row to be written");

            var second = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(Json.Reading("fl-truong-chinh", late, new { depthCm = 33 })));
            Assert.That(second.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
            await host.Kill();
        }

        await using var restarted = await HostProcess.Start(data.Path);
        using var reader = restarted.Client();
        var state = await reader.GetFromJsonAsync<EntityState>("/api/v1/entities/fl-truong-chinh", Json.Options);
        Assert.That((state!.Version, state.Values["depthCm"]), Is.EqualTo((2L, 33.0)), "both accepted readings are in live state after the crash");

        var from = Uri.EscapeDataString(early.AddMinutes(-1).ToString("O"));
        var history = await reader.GetFromJsonAsync<JsonObject>($"/api/v1/history/fl-truong-chinh?metric=depthCm&from={from}&step=1s");
        var values = history!["points"]!.AsArray().Select(p => (double)p!["avg"]!).ToList();
        Assert.That(values, Does.Contain(12.0), "the flushed reading is in history");
    }
}
