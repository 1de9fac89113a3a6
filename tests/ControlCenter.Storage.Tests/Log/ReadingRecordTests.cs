using ControlCenter.Contracts.Messages;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlCenter.Storage.Tests.Log;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ReadingRecordTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 7, 3, 7, 0, 0, TimeSpan.Zero);

    private static SensorReading Reading(string sensor, int minute, double value) =>
        new(sensor, T0.AddMinutes(minute), new Dictionary<string, double> { ["v"] = value });

    [Test]
    public async Task AsOf_GivesEachSensorsRowsWithinItsLookbackBeforeItsNewest_NothingAfterTheMoment()
    {
        await using var test = await TestDatabase.Create(provider);
        await Append(test, T0,
            Reading("rain", 0, 1), Reading("rain", 100, 2), Reading("rain", 150, 3), Reading("rain", 200, 4),
            Reading("flood", 10, 30), Reading("flood", 20, 45));
        // A late arrival stamped before the moment belongs to it; one stamped after it does not.
        await Append(test, T0.AddMinutes(300), Reading("rain", 170, 9), Reading("flood", 190, 60));

        var rows = await new ReadingRecord(test.Database).AsOf(
            [("rain", TimeSpan.FromMinutes(60)), ("flood", TimeSpan.Zero), ("quiet", TimeSpan.FromHours(1))], T0.AddMinutes(180), CancellationToken.None);

        Assert.That(rows.Keys, Is.EquivalentTo(new[] { "rain", "flood" }), "a sensor with nothing at or before the moment is absent");
        Assert.That(rows["rain"].Select(r => (r.Reading.Ts, r.Reading.Values["v"])), Is.EqualTo(new[]
        {
            (T0.AddMinutes(150), 3.0), (T0.AddMinutes(170), 9.0),
        }), "within an hour of the newest row at or before the moment, in log order");
        Assert.That(rows["flood"].Select(r => (r.Reading.Ts, r.Reading.Values["v"])), Is.EqualTo(new[] { (T0.AddMinutes(20), 45.0) }),
            "a silent sensor's last word, whatever its age");
        Assert.That(rows["rain"][1].ReceivedAt, Is.EqualTo(T0.AddMinutes(300)));
    }

    [Test]
    public async Task Range_GivesOneSensorsReadingsInTheRange_OldestFirst_UpToTheLimit()
    {
        await using var test = await TestDatabase.Create(provider);
        await Append(test, T0, Reading("flood", 30, 3), Reading("flood", 10, 1), Reading("flood", 20, 2), Reading("other", 15, 7), Reading("flood", 40, 4));

        var record = new ReadingRecord(test.Database);
        var rows = await record.Range("flood", T0.AddMinutes(10), T0.AddMinutes(40), 100, CancellationToken.None);
        var limited = await record.Range("flood", T0, T0.AddHours(1), 2, CancellationToken.None);

        Assert.That(rows.Select(r => r.Reading.Values["v"]), Is.EqualTo(new[] { 1.0, 2.0, 3.0 }), "from inclusive, to exclusive, by time");
        Assert.That(limited.Select(r => r.Reading.Values["v"]), Is.EqualTo(new[] { 1.0, 2.0 }));
    }

    private static async Task Append(TestDatabase test, DateTimeOffset receivedAt, params SensorReading[] readings)
    {
        await using var writer = new ReadingLogWriter(test.Database, TestMeters.Factory, NullLogger<ReadingLogWriter>.Instance);
        await writer.Append(new LogAppend(readings, receivedAt));
    }
}
