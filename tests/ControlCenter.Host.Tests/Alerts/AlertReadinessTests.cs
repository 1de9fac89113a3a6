using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Contracts;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ControlCenter.Host.Tests.Alerts;

/// <summary>
/// An alert whose stored state cannot be read: the host still starts and serves alerts, and /health/ready says
/// Degraded (HTTP 200, the centre works) with the alert's id, until the state is readable again.
/// </summary>
public class AlertReadinessTests
{
    [Test]
    public async Task Ready_WithAnUnreadableAlert_IsDegradedNamesItAndRecovers()
    {
        using var data = new TempDirectory();
        string broken, kept;
        await using (var first = CityHost.OnSqlite(data.Path))
        {
            await first.WaitUntilReady();
            using var op = await first.SignedIn("operator");
            broken = await Raise(op, "Vỡ đê bao Phúc Xá");
            kept = await Raise(op, "Cây đổ phố Phan Đình Phùng");
        }

        var payload = StoredPayload(data.Path, broken, [0xFF, 0xFF, 0xFF, 0xFF]);

        await using var second = CityHost.OnSqlite(data.Path);
        await second.WaitUntilReady();
        using var client = second.CreateClient();
        using var ready = await client.GetAsync("/health/ready");
        Assert.That((ready.StatusCode, await ready.Content.ReadAsStringAsync()), Is.EqualTo((HttpStatusCode.OK, "Degraded")));
        var report = await second.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        Assert.That(report.Status, Is.EqualTo(HealthStatus.Degraded));
        Assert.That(report.Entries.Values.Select(e => e.Description), Has.Some.Contains(broken).And.Some.Contains("cannot be read"));

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/v1/alerts?limit=1000");
        var ids = listed.EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.That(ids, Does.Contain(kept).And.No.Contain(broken), "the book serves the alerts it could read");

        // Repaired in the database, the alert is read again at the book's next sweep.
        StoredPayload(data.Path, broken, payload);
        await Eventually.Until(() => client.GetStringAsync("/health/ready"), body => body == "Healthy",
            "/health/ready to be Healthy once the alert reads again", TimeSpan.FromSeconds(30));
    }

    private static async Task<string> Raise(HttpClient op, string title)
    {
        using var response = await op.PostAsJsonAsync("/api/v1/alerts", new { title, severity = "major", zoneId = "ba-dinh" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Replaces an alert's stored state (in the group-commit table) and returns what it held.</summary>
    private static byte[] StoredPayload(string dataDirectory, string alertId, byte[] payload)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(dataDirectory, "controlcenter.db")}");
        connection.Open();
        using var read = connection.CreateCommand();
        read.CommandText = "SELECT payload FROM grain_state WHERE grain_id LIKE '%/' || $id AND state_name = $state";
        read.Parameters.AddWithValue("$id", alertId);
        read.Parameters.AddWithValue("$state", StorageNames.AlertState);
        var before = read.ExecuteScalar() as byte[];
        Assert.That(before, Is.Not.Null, $"alert {alertId} is stored in grain_state");
        using var write = connection.CreateCommand();
        write.CommandText = "UPDATE grain_state SET payload = $payload WHERE grain_id LIKE '%/' || $id AND state_name = $state";
        write.Parameters.AddWithValue("$payload", payload);
        write.Parameters.AddWithValue("$id", alertId);
        write.Parameters.AddWithValue("$state", StorageNames.AlertState);
        Assert.That(write.ExecuteNonQuery(), Is.EqualTo(1));
        connection.Close();
        SqliteConnection.ClearAllPools();
        return before!;
    }
}
