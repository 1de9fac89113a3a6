using System.Net.Http.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Scenarios.Ingest;
using ControlCenter.Simulator;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Host.Tests.Simulator;

/// <summary>The Hanoi simulator against the real host, through the public API only.</summary>
public class SimulatorTests : SqliteHostFixture
{
    protected override bool WithKestrel => true;

    [Test]
    public async Task NormalDay_FeedsEveryDomain_WithNothingRejected()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["normal", "--url", Host.ServerAddress.ToString(), "--speed", "120", "--duration", "3", "--seed", "7"], output, CancellationToken.None);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Contain("rejected 0").And.Contain("failed batches 0"));
        using var client = Host.CreateClient();
        var kpi = await Eventually.Until(async () => (await client.GetFromJsonAsync<KpiSnapshot>("/api/v1/kpi", Json.Options))!,
            k => k.Tiles.Single(t => t.Id == "free-spaces").Unknown == 0, "every parking space to be known");
        var tiles = kpi.Tiles.ToDictionary(t => t.Id);
        Assert.That(tiles["free-spaces"].Status, Is.Not.EqualTo("stale"));
        Assert.That(tiles["worst-aqi"].Value, Is.GreaterThan(0), "the backfilled hours give VN_AQI at once");
        Assert.That(tiles["west-lake-do"].Value, Is.InRange(3.0, 9.0));
        Assert.That((await Host.Entity("j-ltk-quan-su")).Derived["levelOfService"], Is.Not.Null);
    }

    [Test]
    public async Task NormalDay_RaisesNoCriticalAlert()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["normal", "--url", Host.ServerAddress.ToString(), "--speed", "60", "--duration", "15", "--seed", "11"], output, CancellationToken.None);
        Assert.That(exit, Is.Zero, output.ToString());
        using var client = Host.CreateClient();
        // The city has taken in what was sent (every space known), then the zones' rules run over it every
        // 250 ms: watch them for three seconds.
        await Eventually.Until(async () => (await client.GetFromJsonAsync<KpiSnapshot>("/api/v1/kpi", Json.Options))!,
            k => k.Tiles.Single(t => t.Id == "free-spaces").Unknown == 0, "every parking space to be known");
        for (var i = 0; i < 6; i++)
        {
            var all = await client.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/alerts");
            Assert.That(all.EnumerateArray().Where(a => a.GetProperty("severity").GetString() == "critical"), Is.Empty, all.ToString());
            // Except the visitors' health advisory: a sight busy in the morning while the winter air is poor is an
            // ordinary Hanoi day, and the advisory is what the centre should then say.
            Assert.That(all.EnumerateArray().Select(a => a.GetProperty("ruleId").GetString()).Where(r => r != "cross.crowd-air"),
                Has.None.StartsWith("cross."), "a normal day has no incident");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    [Test]
    public async Task NormalDay_HasDriversUsingTheParkingApp()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["normal", "--url", Host.ServerAddress.ToString(), "--speed", "600", "--duration", "5", "--seed", "5"], output, CancellationToken.None);
        Assert.That(exit, Is.Zero, output.ToString());
        var report = System.Text.RegularExpressions.Regex.Match(output.ToString(), @"drivers: (\d+) sessions, (\d+) paid, (\d+) turned away");
        Assert.That(report.Success, Is.True, output.ToString());
        var started = int.Parse(report.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.That(started, Is.GreaterThan(0), "50 city minutes bring drivers");
        var lots = Host.Services.GetRequiredService<ControlCenter.Domain.Catalog.CityCatalog>().ParkingLots.Select(l => l.Id).ToList();
        await Eventually.Until(async () => (await Task.WhenAll(lots.Select(Host.Entity))).Sum(s => Convert.ToInt32(s.Derived["sessionsToday"]?.ToString(), System.Globalization.CultureInfo.InvariantCulture)),
            total => total >= started, "the lots' tiles to count the drivers' sessions");
    }

    [Test]
    public async Task LostAnswer_IsRetried_WithoutASecondEffect()
    {
        var before = await Host.Entity("fl-nga-tu-so");
        using var handler = new LoseFirstAnswer();
        using var http = new HttpClient(handler) { BaseAddress = Host.ServerAddress };
        var client = new IngestClient(http, CityHost.DevKey, new IngestReport());
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5);

        await client.Send([new Reading("fl-nga-tu-so", ts, new() { ["depthCm"] = 14 }), new Reading("fl-nga-tu-so", ts.AddSeconds(-60), new() { ["depthCm"] = 9 })], CancellationToken.None);

        var report = client.Report;
        Assert.That((report.Sent, report.Retries, report.Accepted, report.Duplicates, report.Rejected), Is.EqualTo((2L, 1L, 0L, 2L, 0L)),
            "the first answer was lost after the centre applied the batch; the resend is all duplicates");
        var after = await Host.Entity("fl-nga-tu-so");
        Assert.That((after.Version, after.Values["depthCm"]), Is.EqualTo((before.Version + 2, 14.0)), "each of the two readings folded once (one version each)");
    }

    [Test]
    public async Task CatalogMultiply_WritesACatalogueTheHostAccepts()
    {
        var path = Path.Combine(Data.Path, "catalog-x3.json");
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(["catalog", "--multiply", "3", "--out", path, "--url", Host.ServerAddress.ToString()], output, CancellationToken.None);

        Assert.That(exit, Is.Zero, output.ToString());
        var catalog = Domain.Catalog.CatalogLoader.LoadFile(path);
        var shipped = Host.Services.GetRequiredService<Domain.Catalog.CityCatalog>();
        Assert.That((catalog.Sensors.Count, catalog.TotalParkingCapacity, catalog.Zones.Count, catalog.WalkingStreets.Count),
            Is.EqualTo((3 * shipped.Sensors.Count, 3 * shipped.TotalParkingCapacity, 3 * shipped.Zones.Count, 3 * shipped.WalkingStreets.Count)));
        Assert.That(catalog.FindSensor("ps-ltk-01-01-d2")!.ParentId, Is.EqualTo("p-ltk-01-d2"));
        Assert.That(catalog.FindSensor("vc-van-mieu-d1")!.Capacity, Is.EqualTo(shipped.FindSensor("vc-van-mieu")!.Capacity));
        var street = catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom-d2");
        Assert.That((street.ZoneId, street.EdgeJunctionIds), Is.EqualTo(("hoan-kiem-d2", shipped.WalkingStreets.Single(w => w.Id == "ws-ho-guom").EdgeJunctionIds.Select(j => j + "-d2"))));
    }

    [Test]
    public async Task Load_AtATargetRate_IsAllAccepted_AndReportsLatency()
    {
        using var output = new StringWriter();
        var exit = await SimulatorCommand.Run(
            ["load", "--sensors", "60", "--rate", "400", "--duration", "2", "--batch", "50", "--senders", "2", "--url", Host.ServerAddress.ToString()],
            output, CancellationToken.None);

        Assert.That(exit, Is.Zero, output.ToString());
        Assert.That(output.ToString(), Does.Match(@"load: sent \d+, accepted \d+, rejected 0, batches resent \d+, achieved \d+ readings/s, request latency p50 [\d.]+ ms"));
    }

    /// <summary>Delivers the first request, then throws as if the connection broke before the answer came back.</summary>
    private sealed class LoseFirstAnswer() : DelegatingHandler(new SocketsHttpHandler())
    {
        private int _calls;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Post && Interlocked.Increment(ref _calls) == 1)
            {
                response.Dispose();
                throw new HttpRequestException("The connection was reset before the answer arrived (injected).");
            }

            return response;
        }
    }
}
