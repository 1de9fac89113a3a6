using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;

namespace ControlCenter.Host.Tests.Drills;

/// <summary>One drill at a time in the whole cluster; any host shows and stops it; a dead host's drill lapses.</summary>
public class ClusterDrillTests : TwoHostCluster
{
    protected override bool WithKestrel => true;

    // Long enough that a loaded CI machine does not miss the playing host's renewals (every second).
    protected override (string Key, string Value)[] Settings => [("Drills:LeaseDuration", "00:00:10")];

    private static Task<HttpResponseMessage> Start(HttpClient client, string name) =>
        client.PostAsJsonAsync($"/api/v1/drills/{name}/start", new { speed = 1 });

    private async Task NoDrillRunning()
    {
        using var reader = HostB.CreateClient();
        await Eventually.Until(async () => (await reader.GetAsync("/api/v1/drills/active")).StatusCode, s => s == HttpStatusCode.NoContent, "no drill in the cluster");
    }

    [Test]
    public async Task DrillOnHostA_IsRefusedOnHostB_ShownThere_AndStoppedFromThere()
    {
        await NoDrillRunning();
        using var opA = await HostA.SignedIn("operator");
        using var opB = await HostB.SignedIn("operator");
        using (var started = await Start(opA, "monsoon-storm")) Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));

        using (var second = await Start(opB, "winter-smog")) Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "one drill in the cluster");
        using var readerB = HostB.CreateClient();
        var active = await readerB.GetFromJsonAsync<JsonElement>("/api/v1/drills/active");
        var hostA = HostA.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();
        Assert.That((active.GetProperty("name").GetString(), active.GetProperty("host").GetString()), Is.EqualTo(("monsoon-storm", hostA)));

        using (var stop = await opB.PostAsync("/api/v1/drills/stop", null)) Assert.That(stop.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        using var readerA = HostA.CreateClient();
        await Eventually.Until(async () => (await readerA.GetAsync("/api/v1/drills/active")).StatusCode, s => s == HttpStatusCode.NoContent,
            "host A to hear the stop asked on host B and end its drill");
        await Eventually.Until(() => Task.FromResult(HostA.Services.GetRequiredService<Host.Drills.DrillControl>().Active), a => a is null,
            "host A's wall to show no drill");
    }

    [Test]
    public async Task DrillOfAHostThatDied_BlocksOnlyUntilItsLeaseLapses()
    {
        await NoDrillRunning();
        using var op = await HostA.SignedIn("operator");
        var claim = await HostB.Services.GetRequiredService<IGrainFactory>().GetGrain<IDrillGrain>(IDrillGrain.CityKey).TryStart(new DrillRun
        {
            RunId = "run-of-a-dead-host", Name = "rush-hour", Title = "Giờ cao điểm", TitleEn = "Rush hour", Speed = 1, StartedBy = "operator",
            StartedAt = DateTimeOffset.UtcNow, EndsAt = DateTimeOffset.UtcNow.AddHours(1), Host = "10.0.0.99:11111@1", Lease = TimeSpan.FromSeconds(5),
        });
        Assert.That(claim, Is.Null, "the dead host's claim was taken");

        using (var refused = await Start(op, "winter-smog")) Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "its lease still runs");
        await Eventually.Until(async () => { using var r = await Start(op, "winter-smog"); return r.StatusCode; }, s => s == HttpStatusCode.Accepted,
            "a drill to start once the dead host's lease has lapsed", TimeSpan.FromSeconds(30));
        (await op.PostAsync("/api/v1/drills/stop", null)).Dispose();
        await NoDrillRunning();
    }
}
