using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Alerts;

/// <summary>
/// Acknowledged, noted and resolved alerts survive a restart on both storage profiles; so does escalation:
/// after a restart an unacknowledged alert still escalates (reminders on PostgreSQL, re-armed on SQLite).
/// </summary>
public class AlertPersistenceTests
{
    [Test]
    public async Task Restart_OnSqlite_KeepsAlertWork()
    {
        using var data = new TempDirectory();
        await RestartKeepsAlertWork(clock => CityHost.OnSqlite(data.Path).WithServices(s => s.AddSingleton(new CityClock(clock))));
    }

    [Test]
    public async Task Restart_OnPostgreSql_KeepsAlertWork()
    {
        await using var database = await PostgresDatabase.Create();
        await RestartKeepsAlertWork(clock => CityHost.OnPostgreSql(database.ConnectionString).WithServices(s => s.AddSingleton(new CityClock(clock))));
    }

    /// <summary>
    /// Three alerts: one acknowledged and noted, one resolved, one left open. The city clock stands still in
    /// the first run and is six minutes on in the second, so the open critical alert must escalate after the
    /// restart, and only then.
    /// </summary>
    private static async Task RestartKeepsAlertWork(Func<FakeTimeProvider, CityHost> start)
    {
        var t0 = DateTimeOffset.UtcNow;
        string acknowledged, resolved, waiting;
        await using (var first = start(new FakeTimeProvider(t0)))
        {
            await first.WaitUntilReady();
            using var op = await first.SignedIn("operator");
            acknowledged = await Raise(op, "Cháy kho hàng Long Biên", "major");
            resolved = await Raise(op, "Vỡ ống nước Đội Cấn", "minor");
            waiting = await Raise(op, "Sập giàn giáo phố Huế", "critical");
            using var responder = await first.SignedIn("responder");
            await Ok(responder.PostAsJsonAsync($"/api/v1/alerts/{acknowledged}/acknowledge", new { note = "xe cứu hỏa đã xuất phát" }));
            await Ok(responder.PostAsJsonAsync($"/api/v1/alerts/{acknowledged}/notes", new { text = "đã khống chế" }));
            await Ok(responder.PostAsJsonAsync($"/api/v1/alerts/{resolved}/resolve", new { note = "đã khóa van" }));
            Assert.That((await Get(first, waiting)).GetProperty("escalationLevel").GetInt32(), Is.Zero);
        }

        await using var second = start(new FakeTimeProvider(t0.AddMinutes(6)));
        await second.WaitUntilReady();
        var ack = await Get(second, acknowledged);
        Assert.That((ack.GetProperty("status").GetString(), ack.GetProperty("acknowledgedBy").GetString()), Is.EqualTo(("acknowledged", "responder")));
        Assert.That(ack.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Is.EqualTo(new[] { "raised", "acknowledged", "note" }));
        var res = await Get(second, resolved);
        Assert.That((res.GetProperty("status").GetString(), res.GetProperty("resolution").GetString()), Is.EqualTo(("resolved", "manual")));

        // Critical alerts escalate every 5 minutes: six minutes on, the restarted host must raise it one level.
        var escalated = await Eventually.Until(() => Get(second, waiting), a => a.GetProperty("escalationLevel").GetInt32() == 1,
            "the open critical alert to escalate after the restart", TimeSpan.FromSeconds(30));
        Assert.That(escalated.GetProperty("timeline").EnumerateArray().Select(t => t.GetProperty("action").GetString()), Does.Contain("escalated"));
        Assert.That((await Get(second, acknowledged)).GetProperty("escalationLevel").GetInt32(), Is.Zero, "an acknowledged alert does not escalate");

        // New alerts after the restart take new ids.
        using var op2 = await second.SignedIn("operator");
        var next = await Raise(op2, "Ngập hầm chui Kim Liên", "major");
        Assert.That(new[] { acknowledged, resolved, waiting }, Does.Not.Contain(next));
    }

    private static async Task<string> Raise(HttpClient op, string title, string severity)
    {
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, severity, zoneId = "dong-da" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonElement> Get(CityHost host, string id)
    {
        using var client = host.CreateClient();
        return await client.GetFromJsonAsync<JsonElement>($"/api/v1/alerts/{id}");
    }
}
