using System.Net.Http.Json;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Simulator;

namespace ControlCenter.Host.Tests.Simulator;

/// <summary>Replay of the shared recordings through the simulator, on a host of their own (nothing else writes).</summary>
public class ReplayTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    [Test]
    public async Task Replay_HanoiPm25Slice_SendsTheRowsValues_SkipsTheMissingHour()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["replay", "--mapping", "hanoi-pm25-2017", "--data", SharedData.Directory, "--skip", "120", "--rows", "13", "--url", Host.ServerAddress.ToString()],
            output, CancellationToken.None);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("skipped line 130: missing value (-999.0)").And.Contain("12 rows replayed, 1 skipped"));
        // Lines 122–134 of the file: 2017-01-06 01:00–13:00, with 09:00 missing.
        Assert.That(await HistoryValues("aq-dai-su-quan-my", "pm25", "1h"),
            Is.EqualTo(new[] { 28.9, 26.1, 30.1, 36.9, 34.7, 21.1, 32.0, 35.0, 41.1, 46.2, 51.7, 44.8 }));
    }

    [Test]
    public async Task Replay_BirminghamSlice_ScalesToTheLot_SkipsOverCapacity()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["replay", "--mapping", "birmingham-parking-2016", "--data", SharedData.Directory, "--skip", "1388", "--rows", "13", "--url", Host.ServerAddress.ToString()],
            output, CancellationToken.None);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("skipped line 1398: Occupancy 320 over capacity 317"));
        // BHMBCCPST01 (capacity 317) onto pg-ltk-07, whose lot holds 17: round(occupancy / 317 × 17).
        Assert.That(await HistoryValues("pg-ltk-07", "occupiedCount", "1m"),
            Is.EqualTo(new double[] { 7, 8, 9, 11, 12, 13, 15, 17, 17, 16, 16, 15 }));
    }

    private async Task<double[]> HistoryValues(string sensorId, string metric, string step)
    {
        using var client = Host.CreateClient();
        var from = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-1).ToString("O"));
        var url = $"/api/v1/history/{sensorId}?metric={metric}&from={from}&step={step}";
        var history = await Eventually.Until(() => client.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(url)!,
            h => h!["points"]!.AsArray().Count >= 12, $"{sensorId}'s replayed rows in history");
        return history!["points"]!.AsArray().Select(p => (double)p!["avg"]!).ToArray();
    }
}
