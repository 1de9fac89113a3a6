using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Hosting;

/// <summary>
/// State and history survive a full host restart, on both storage profiles and with either grain-state store
/// (the group-commit default, or Orleans' ADO.NET provider alone); a centre that ran on the ADO.NET store keeps
/// its state when it restarts on the group-commit one.
/// </summary>
public class PersistenceTests
{
    private static DateTimeOffset Now => DateTimeOffset.UtcNow;

    [Test]
    public async Task Restart_OnSqlite_KeepsStateAndHistory()
    {
        using var data = new TempDirectory();
        await RestartKeepsStateAndHistory(() => CityHost.OnSqlite(data.Path));
    }

    [Test]
    public async Task Restart_OnPostgreSql_KeepsStateAndHistory()
    {
        await using var database = await PostgresDatabase.Create();
        await RestartKeepsStateAndHistory(() => CityHost.OnPostgreSql(database.ConnectionString));
    }

    private const string AdoNetStore = "adonet";

    [Test]
    public async Task Restart_OnSqlite_WithOrleansAdoNetStore_KeepsStateAndHistory()
    {
        using var data = new TempDirectory();
        await RestartKeepsStateAndHistory(() => CityHost.OnSqlite(data.Path, ("Storage:GrainStateStore", AdoNetStore)));
    }

    [Test]
    public async Task Restart_OnPostgreSql_WithOrleansAdoNetStore_KeepsStateAndHistory()
    {
        await using var database = await PostgresDatabase.Create();
        await RestartKeepsStateAndHistory(() => CityHost.OnPostgreSql(database.ConnectionString, ("Storage:GrainStateStore", AdoNetStore)));
    }

    [Test]
    public async Task Upgrade_FromTheAdoNetStore_ToGroupCommit_KeepsState()
    {
        using var data = new TempDirectory();
        var started = 0;
        await RestartKeepsStateAndHistory(() => started++ == 0
            ? CityHost.OnSqlite(data.Path, ("Storage:GrainStateStore", AdoNetStore))
            : CityHost.OnSqlite(data.Path));
    }

    [Test]
    public void AnUnknownGrainStateStore_StopsTheStart()
    {
        using var data = new TempDirectory();
        using var host = CityHost.OnSqlite(data.Path, ("Storage:GrainStateStore", "memory"));
        var error = Assert.Catch(() => host.CreateClient());
        Assert.That(error!.ToString(), Does.Contain("Storage:GrainStateStore"));
    }

    private static async Task RestartKeepsStateAndHistory(Func<CityHost> start)
    {
        string sessionId;
        var ts = Now.AddMinutes(-1);
        long floodVersion, gaugeVersion;
        await using (var first = start())
        {
            await first.WaitUntilReady();
            using var client = first.Ingester();
            var response = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(
                Json.Reading("fl-minh-khai", ts, new { depthCm = 31 }),
                Json.Reading("rg-thanh-xuan", ts.AddMinutes(-5), new { rainMm = 4 }),
                Json.Reading("rg-thanh-xuan", ts, new { rainMm = 6 }),
                Json.Reading("pg-thd-04", ts, new { occupiedCount = 9 })));
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
            floodVersion = (await first.Entity("fl-minh-khai")).Version;
            gaugeVersion = (await first.Entity("rg-thanh-xuan")).Version;
            await Eventually.Until(() => first.Entity("p-thd-04"), s => s.Derived["occupied"]?.ToString() == "9", "the gate lot to count 9");
            using var driver = ParkingApp.For(first);
            using var session = await driver.StartSession("p-thd-04", "30P-135.79");
            Assert.That(session.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created));
            sessionId = (await ParkingApp.Body(session)).GetProperty("sessionId").GetString()!;
        }

        await using var second = start();
        await second.WaitUntilReady();
        var flood = await second.Entity("fl-minh-khai");
        var gauge = await second.Entity("rg-thanh-xuan");
        var lot = await second.Entity("p-thd-04");

        Assert.That((flood.Version, flood.Values["depthCm"], flood.Derived["floodLevel"]?.ToString()), Is.EqualTo((floodVersion, 31.0, "major")));
        Assert.That(gauge.Version, Is.EqualTo(gaugeVersion));
        Assert.That(gauge.Derived["rain1hMm"]?.ToString(), Is.EqualTo("10"), "the rain window is rebuilt from persisted falls");
        Assert.That(lot.Derived["occupied"]?.ToString(), Is.EqualTo("9"), "the lot pulls its gate's state on activation");

        using var reader = second.CreateClient();
        var from = Uri.EscapeDataString(ts.AddMinutes(-10).ToString("O"));
        var history = await reader.GetFromJsonAsync<JsonObject>($"/api/v1/history/rg-thanh-xuan?metric=rainMm&from={from}&step=1m");
        Assert.That(history!["points"]!.AsArray().Sum(p => (double)p!["avg"]!), Is.EqualTo(10.0));

        // A parking session and its plate's claim survive too; ending it frees the plate.
        using var app = ParkingApp.For(second);
        Assert.That((await app.Read($"/api/v1/parking/sessions/{sessionId}")).GetProperty("status").GetString(), Is.EqualTo("open"));
        using (var again = await app.StartSession("p-thd-04", "30P-135.79"))
            Assert.That(again.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Conflict), "one open session per plate, across a restart");
        using (var end = await app.End(sessionId)) Assert.That(end.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK));
        using var next = await app.StartSession("p-thd-04", "30P-135.79");
        Assert.That(next.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Created), "the plate is free once the session ended");
        // A plate claimed only after the restart is released too (after an upgrade, the old store still has rows).
        using var nextEnd = await app.End((await ParkingApp.Body(next)).GetProperty("sessionId").GetString()!);
        Assert.That(nextEnd.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), await nextEnd.Content.ReadAsStringAsync());
    }
}
