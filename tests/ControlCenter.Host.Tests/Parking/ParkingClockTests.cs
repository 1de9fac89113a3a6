using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain;
using ControlCenter.Domain.Parking;
using ControlCenter.Grains.Hosting;
using ControlCenter.Host.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ControlCenter.Host.Tests.Parking;

/// <summary>
/// What the city clock decides in parking, on a fake clock: holds expire by themselves, the fee follows the time
/// parked, plates are erased after the retention period, and the tile's "today" starts afresh at midnight.
/// 
/// </summary>
public class ParkingClockTests : SqliteHostFixture
{
    private const string Lot = "p-ltk-04";
    // The city clock starts at the last 08:00 in Hanoi, so the morning's timeline never crosses midnight
    // before the test moves it there on purpose. Readings carry real time, never older than the city clock.
    private readonly FakeTimeProvider _clock = new(LastEightOClock());
    private ParkingApp _app = null!;

    protected override void Services(IServiceCollection services) => services.AddSingleton(new CityClock(_clock));

    protected override Task<(string Key, string Value)[]> Settings(string dataPath) => Task.FromResult(new[]
    {
        ("Parking:SweepPeriod", "00:00:00.200"),
        ("Parking:PlateRetention", "02:00:00"),
    });

    [OneTimeSetUp]
    public async Task Occupy()
    {
        await Host.CountAtGates(_clock.GetUtcNow(), (Lot, 4));
        _app = ParkingApp.For(Host);
    }

    [OneTimeTearDown]
    public void CloseApp() => _app.Dispose();

    private static DateTimeOffset LastEightOClock()
    {
        var local = CityTime.Local(DateTimeOffset.UtcNow);
        var eight = new DateTimeOffset(local.Date.AddHours(8), local.Offset);
        return eight <= local ? eight : eight.AddDays(-1);
    }

    /// <summary>Grain states as stored, to see what the database keeps (not what a read would lazily fix).</summary>
    private List<byte[]> StoredStates()
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(Data.Path, "controlcenter.db")};Mode=ReadOnly");
        connection.Open();
        var rows = new List<byte[]>();
        // Orleans' ADO.NET table and the group-commit table, whichever hold grain state.
        foreach (var (table, column) in new[] { ("OrleansStorage", "PayloadBinary"), ("grain_state", "payload") })
        {
            using var exists = connection.CreateCommand();
            exists.CommandText = $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'";
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0) continue;
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {column} FROM {table} WHERE {column} IS NOT NULL";
            using var reader = command.ExecuteReader();
            while (reader.Read()) rows.Add((byte[])reader[0]);
        }

        Assert.That(rows, Is.Not.Empty, "grain states were found where the host stores them");
        return rows;
    }

    private bool Stored(string text)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        return StoredStates().Any(row => row.AsSpan().IndexOf(bytes) >= 0);
    }

    private static bool NoPlate(System.Text.Json.JsonElement session) =>
        !session.TryGetProperty("plate", out var plate) || plate.ValueKind == System.Text.Json.JsonValueKind.Null;

    /// <summary>One timeline, because the clock only moves forward: later phases would find the sensors silent otherwise.</summary>
    [Test]
    public async Task ADayAtTheLot_OnTheCityClock()
    {
        await AHold_ExpiresByItself_AndGivesTheSpaceBack();
        await TheFee_FollowsTheTimeParked_AndThePlateIsErasedAfterRetention();
        await TheTile_CountsToday_AndStartsAfreshAtMidnight();
    }

    private async Task AHold_ExpiresByItself_AndGivesTheSpaceBack()
    {
        using var placed = await _app.Hold(Lot, "30H-135.79");
        Assert.That(placed.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var holdId = (await ParkingApp.Body(placed)).GetProperty("holdId").GetString()!;
        await Eventually.Until(() => Host.Entity(Lot), s => s.Figure("held") == 1, "the hold on the tile");

        _clock.Advance(TimeSpan.FromMinutes(9));
        // Nothing to wait for: give the desk's timer (every 200 ms here) five chances to expire it wrongly.
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.That((await Host.Entity(Lot)).Figure("held"), Is.EqualTo(1), "still held on the tile nine minutes in");
        Assert.That((await _app.Read($"/api/v1/parking/holds/{holdId}")).GetProperty("status").GetString(), Is.EqualTo("held"), "nine minutes in");

        _clock.Advance(TimeSpan.FromMinutes(1.5));
        // The desk's own timer expires it: the tile shows it without anyone asking the desk.
        await Eventually.Until(() => Host.Entity(Lot), s => s.Figure("held") == 0, "the expired hold to leave the tile");
        Assert.That((await _app.Read($"/api/v1/parking/holds/{holdId}")).GetProperty("status").GetString(), Is.EqualTo("expired"));
        using var session = await _app.StartSession(Lot, "30H-135.79", holdId: holdId);
        Assert.That(session.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "an expired hold is no ticket");
    }

    private async Task TheFee_FollowsTheTimeParked_AndThePlateIsErasedAfterRetention()
    {
        var startedAt = _clock.GetUtcNow();
        using var started = await _app.StartSession(Lot, "30H-246.80");
        Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Created), await started.Content.ReadAsStringAsync());
        var id = (await ParkingApp.Body(started)).GetProperty("sessionId").GetString()!;

        _clock.Advance(TimeSpan.FromMinutes(95).Add(TimeSpan.FromSeconds(20)));
        using var ended = await _app.End(id);
        var fee = (await ParkingApp.Body(ended)).GetProperty("fee");
        var expected = FeeCalculator.Compute(startedAt, _clock.GetUtcNow(), ExampleTariff.Build().Vehicles[VehicleTypes.Car], CityTime.Zone);
        Assert.That(fee.GetProperty("minutes").GetInt32(), Is.EqualTo(96), "95 min 20 s is 96 started minutes");
        Assert.That(fee.GetProperty("totalVnd").GetInt64(), Is.EqualTo(expected.TotalVnd));
        Assert.That(fee.GetProperty("lines").GetArrayLength(), Is.EqualTo(2), "the first block and one started hour");

        _clock.Advance(TimeSpan.FromMinutes(119));
        Assert.That((await _app.Read($"/api/v1/parking/sessions/{id}")).GetProperty("plate").GetString(), Is.EqualTo("30H-246.80"), "kept within retention");
        Assert.That(Stored("30H-246.80"), Is.True, "the stored session has it");
        _clock.Advance(TimeSpan.FromMinutes(2));
        // Nobody reads the session now: only the desk's sweep can erase it, from the session and from the desk's
        // finished holds (kept no longer than the retention either).
        await Eventually.Until(() => Task.FromResult(Stored("30H-246.80") || Stored("30H-135.79")), stored => !stored,
            "the database to keep neither plate after the retention period");
        using var op = await Host.SignedIn("operator");
        await Eventually.Until(() => op.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/parking/sessions?status=unpaid"),
            list => list.GetProperty("sessions").EnumerateArray().Any(s => s.GetProperty("sessionId").GetString() == id
                && NoPlate(s)),
            "the unpaid session to be listed without its plate after retention");
        var session = await _app.Read($"/api/v1/parking/sessions/{id}");
        Assert.That(NoPlate(session), Is.True, "erased (absent, as every null is in this API)");
        Assert.That(session.GetProperty("fee").GetProperty("totalVnd").GetInt64(), Is.EqualTo(expected.TotalVnd), "the fee stays, to be paid");
    }

    private async Task TheTile_CountsToday_AndStartsAfreshAtMidnight()
    {
        var today = await Eventually.Until(() => Host.Entity(Lot), s => s.Figure("sessionsToday") >= 1, "today's sessions on the tile");
        Assert.That(today.Figure("revenueTodayVnd"), Is.GreaterThan(0));
        var local = CityTime.Local(_clock.GetUtcNow());
        var nextMidnight = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        _clock.Advance(nextMidnight - local + TimeSpan.FromMinutes(1));
        await Eventually.Until(() => Host.Entity(Lot), s => s.Figure("sessionsToday") == 0 && s.Figure("revenueTodayVnd") == 0, "a new day on the tile");
    }
}
