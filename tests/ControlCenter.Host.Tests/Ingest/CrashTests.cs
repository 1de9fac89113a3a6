using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>
/// What the README promises about a crash: nothing acknowledged is lost. A reading answered 202 was appended to the
/// readings log before the answer; after SIGKILL and a restart it is in history and in live state, however old it
/// was when it arrived, on both databases.
/// </summary>
public class CrashTests
{
    private const string Gauge = "rg-tay-ho";

    [Test]
    public async Task KillRightAfter202_OnSqlite_FreshAndBackfilledReadingsAreInHistoryAndLiveState()
    {
        using var data = new TempDirectory();
        await KillRightAfter202(() => HostProcess.Start(data.Path));
    }

    [Test]
    public async Task KillRightAfter202_OnPostgreSql_FreshAndBackfilledReadingsAreInHistoryAndLiveState()
    {
        await using var database = await PostgresDatabase.Create();
        await KillRightAfter202(() => HostProcess.StartOnPostgreSql(database.ConnectionString));
    }

    private static async Task KillRightAfter202(Func<Task<HostProcess>> start)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(-1).ToUnixTimeMilliseconds());
        HostProcess restarted;
        await using (var host = await start())
        {
            using var client = host.Client();
            // A gateway back from an outage: its reading now, and two it kept meanwhile (2 h and 26 h old).
            using var response = await client.PostAsJsonAsync("/api/v1/readings", Json.Batch(
                Json.Reading(Gauge, now, new { rainMm = 5 }),
                Json.Reading(Gauge, now.AddHours(-2), new { rainMm = 9 }),
                Json.Reading(Gauge, now.AddHours(-26), new { rainMm = 40 })));
            Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.Accepted));
            Assert.That((await response.Content.ReadFromJsonAsync<JsonObject>())!["accepted"]!.GetValue<int>(), Is.EqualTo(3));
            await host.Kill();
            restarted = await host.Restart();
        }

        await using (restarted)
        {
            using var reader = restarted.Client();
            var from = Uri.EscapeDataString(now.AddHours(-27).ToString("O"));
            var history = await reader.GetFromJsonAsync<JsonObject>($"/api/v1/history/{Gauge}?metric=rainMm&from={from}&step=1h");
            var values = history!["points"]!.AsArray().Select(p => (double)p!["max"]!).Order().ToList();
            Assert.That(values, Is.EqualTo(new[] { 5.0, 9.0, 40.0 }), "all three readings are in history");
            var after = (await reader.GetFromJsonAsync<EntityState>($"/api/v1/entities/{Gauge}", Json.Options))!;
            Assert.That((after.Version, after.Ts, after.Values["rainMm"]), Is.EqualTo((3L, now, 5.0)), "live state as it was answered: three readings, the newest shown");
            Assert.That((after.Derived["rain1hMm"]?.ToString(), after.Derived["rain3hMm"]?.ToString()), Is.EqualTo(("5", "14")),
                "the 2-h backfill counts in the 3-h rain; the 26-h one in no window");
        }
    }
}
