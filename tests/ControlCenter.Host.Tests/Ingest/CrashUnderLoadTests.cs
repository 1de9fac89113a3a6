using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Tests.Infrastructure;
using ControlCenter.Simulator;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ControlCenter.Host.Tests.Ingest;

/// <summary>
/// SIGKILL while the simulator's load mode sends (and resends what it had no answer for, as a gateway must): afterwards
/// the readings log holds exactly the readings the centre acknowledged, each once, no more and no fewer, and every
/// sensor's live state is its newest reading, folded exactly once per row.
/// </summary>
public class CrashUnderLoadTests
{
    [Test]
    public async Task KillUnderLoad_OnSqlite_LogHoldsExactlyTheAcknowledgedReadings()
    {
        using var data = new TempDirectory();
        await KillUnderLoad(() => HostProcess.Start(data.Path), async () =>
        {
            await using var connection = new SqliteConnection($"Data Source={Path.Combine(data.Path, "controlcenter.db")}");
            await connection.OpenAsync();
            return await Keys(connection);
        });
    }

    [Test]
    public async Task KillUnderLoad_OnPostgreSql_LogHoldsExactlyTheAcknowledgedReadings()
    {
        await using var database = await PostgresDatabase.Create();
        await KillUnderLoad(() => HostProcess.StartOnPostgreSql(database.ConnectionString), async () =>
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync();
            return await Keys(connection);
        });
    }

    private static async Task KillUnderLoad(Func<Task<HostProcess>> start, Func<Task<List<(string SensorId, long TsMs)>>> logRows)
    {
        using var folder = new TempDirectory();
        var ledger = Path.Combine(folder.Path, "acknowledged.jsonl");
        var host = await start();
        try
        {
            using var output = new StringWriter();
            var load = SimulatorCommand.Run(
                ["load", "--sensors", "300", "--rate", "3000", "--duration", "12", "--batch", "100", "--senders", "3",
                 "--resend-for", "120", "--ledger", ledger, "--url", host.Url, "--key", CityHost.DevKey], output, CancellationToken.None);
            using (var client = host.Client())
            {
                await Eventually.Until(() => client.GetStringAsync("/metrics"), m => Appended(m) >= 5000, "5,000 readings in the log before the kill", TimeSpan.FromSeconds(60));
            }

            await host.Kill();
            var killed = host;
            host = await killed.Restart();
            await killed.DisposeAsync();
            Assert.That(await load, Is.Zero, $"the load ran to its end with nothing rejected: {output}");
            Assert.That(output.ToString(), Does.Not.Contain("batches resent 0,"), "the kill caught batches in flight: they were sent again");

            var acknowledged = File.ReadAllLines(ledger).Select(ReadingOf).ToList();
            var stored = await logRows();
            Assert.That(stored.Count, Is.EqualTo(stored.Distinct().Count()), "each reading once");
            Assert.That(stored.ToHashSet().SetEquals(acknowledged.Select(r => (r.SensorId, r.Ts.ToUnixTimeMilliseconds()))), Is.True,
                $"the log holds exactly the acknowledged readings ({acknowledged.Count} acknowledged, {stored.Count} stored)");

            using var reader = host.Client();
            var rowsPerSensor = stored.GroupBy(r => r.SensorId).ToDictionary(g => g.Key, g => g.Count());
            foreach (var newest in acknowledged.GroupBy(r => r.SensorId).Select(g => g.MaxBy(r => r.Ts)!))
            {
                var state = (await reader.GetFromJsonAsync<EntityState>($"/api/v1/entities/{newest.SensorId}", Json.Options))!;
                // A reading stamped a millisecond ahead of its arrival counts as taken on arrival (api.md, order and clocks).
                Assert.That(state.Ts, Is.EqualTo(newest.Ts).Within(TimeSpan.FromSeconds(1)), $"{newest.SensorId} shows its newest reading");
                Assert.That(state.Values, Is.EquivalentTo(newest.Values), $"{newest.SensorId} shows its newest values");
                Assert.That(state.Version, Is.EqualTo(rowsPerSensor[newest.SensorId]), $"{newest.SensorId} folded each of its rows once");
            }
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static long Appended(string metrics) => metrics.Split('\n')
        .Where(l => l.StartsWith("controlcenter_log_readings_appended_total ", StringComparison.Ordinal))
        .Select(l => long.Parse(l.Split(' ')[1], CultureInfo.InvariantCulture)).FirstOrDefault();

    private static SensorReading ReadingOf(string line)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        return new SensorReading(root.GetProperty("sensorId").GetString()!, root.GetProperty("ts").GetDateTimeOffset().ToUniversalTime(),
            root.GetProperty("values").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble()));
    }

    private static async Task<List<(string, long)>> Keys(System.Data.Common.DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT sensor_id, ts_ms FROM reading_log";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<(string, long)>();
        while (await reader.ReadAsync()) keys.Add((reader.GetString(0), reader.GetInt64(1)));
        return keys;
    }
}
