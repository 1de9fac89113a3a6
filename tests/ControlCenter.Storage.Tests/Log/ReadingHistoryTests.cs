using ControlCenter.Contracts.Messages;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Schema;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlCenter.Storage.Tests.Log;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ReadingHistoryTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Query_OneMetric_GivesMinAvgMaxPerStep_AndSkipsReadingsWithoutIt()
    {
        await using var test = await TestDatabase.Create(provider);
        await Append(test,
            new SensorReading("aq", T0, new Dictionary<string, double> { ["pm25"] = 10, ["pm10"] = 50 }),
            new SensorReading("aq", T0.AddSeconds(30), new Dictionary<string, double> { ["pm25"] = 20 }),
            new SensorReading("aq", T0.AddMinutes(1), new Dictionary<string, double> { ["pm10"] = 70 }),
            new SensorReading("aq", T0.AddMinutes(1).AddSeconds(5), new Dictionary<string, double> { ["pm25"] = 40 }));

        var points = await new ReadingHistory(test.Database).Query("aq", "pm25", T0, T0.AddMinutes(5), TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.That(points, Is.EqualTo(new[]
        {
            new HistoryPoint(T0, 10, 15, 20, 2),
            new HistoryPoint(T0.AddMinutes(1), 40, 40, 40, 1),
        }));
    }

    [Test]
    public async Task DeleteOlderThan_KeepsEachSensorsNewestRow_SoPositionsNeverStartAgain()
    {
        await using var test = await TestDatabase.Create(provider);
        await Append(test, ReadingLogTests.Reading("old", -100, 1), ReadingLogTests.Reading("old", -90, 2), ReadingLogTests.Reading("new", -90, 3), ReadingLogTests.Reading("new", 10, 4));

        var deleted = await new ReadingHistory(test.Database).DeleteOlderThan(["old", "new"], T0, CancellationToken.None);
        var positions = await Append(test, ReadingLogTests.Reading("old", 20, 5));

        Assert.That(deleted, Is.EqualTo(2), "old's first row and new's old row; old's newest stays");
        Assert.That(positions, Is.EqualTo(new long[] { 3 }));
    }

    [Test]
    public async Task Schema_OnADatabaseWithTheEarlierHistoryTable_MovesItIntoTheLogBehindPositionZero()
    {
        await using var test = await TestDatabase.Create(provider);
        await using (var connection = await test.Database.OpenAsync(CancellationToken.None))
        {
            await CityDatabase.ExecuteAsync(connection,
                "CREATE TABLE readings (sensor_id text NOT NULL, metric text NOT NULL, ts_ms bigint NOT NULL, value double precision NOT NULL, PRIMARY KEY (sensor_id, metric, ts_ms))",
                CancellationToken.None);
            await CityDatabase.ExecuteAsync(connection,
                $"INSERT INTO readings VALUES ('aq', 'pm25', {T0.ToUnixTimeMilliseconds()}, 12.5), ('aq', 'pm10', {T0.ToUnixTimeMilliseconds()}, 40), "
                + $"('aq', 'pm25', {T0.AddMinutes(1).ToUnixTimeMilliseconds()}, 13)", CancellationToken.None);
        }

        await new SchemaInitializer(test.Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
        await using var reader = new ReadingLogReader(test.Database);
        var migrated = await reader.ReadAfter("aq", long.MinValue);
        var next = await Append(test, new SensorReading("aq", T0.AddMinutes(2), new Dictionary<string, double> { ["pm25"] = 14 }));

        Assert.That(migrated.Select(r => (r.Seq, r.Reading.Ts)), Is.EqualTo(new[] { (-1L, T0), (0L, T0.AddMinutes(1)) }));
        Assert.That(migrated[0].Reading.Values, Is.EqualTo(new Dictionary<string, double> { ["pm25"] = 12.5, ["pm10"] = 40 }));
        Assert.That(next, Is.EqualTo(new long[] { 1 }), "new readings number on from 1: a state of the earlier release (position 0) replays none of the migrated rows");
    }

    private static async Task<long[]> Append(TestDatabase test, params SensorReading[] readings)
    {
        await using var writer = new ReadingLogWriter(test.Database, TestMeters.Factory, NullLogger<ReadingLogWriter>.Instance);
        return await writer.Append(new LogAppend(readings, T0));
    }
}
