using ControlCenter.Contracts.Messages;
using ControlCenter.Contracts.Storage;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlCenter.Storage.Tests.Log;

[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class ReadingLogTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private TestDatabase _test = null!;
    private ReadingLogWriter _writer = null!;
    private ReadingLogReader _reader = null!;
    private ReadingLog _log = null!;

    [SetUp]
    public async Task Open()
    {
        _test = await TestDatabase.Create(provider);
        _writer = new ReadingLogWriter(_test.Database, TestMeters.Factory, NullLogger<ReadingLogWriter>.Instance);
        _reader = new ReadingLogReader(_test.Database);
        _log = new ReadingLog(_writer, _reader);
    }

    [TearDown]
    public async Task Close()
    {
        await _writer.DisposeAsync();
        await _reader.DisposeAsync();
        await _test.DisposeAsync();
    }

    internal static SensorReading Reading(string sensor, int second, double value) =>
        new(sensor, T0.AddSeconds(second), new Dictionary<string, double> { ["depthCm"] = value });

    [Test]
    public async Task Append_NewReadings_NumbersEachSensorsRowsFromOne()
    {
        var first = await _log.Append([Reading("a", 10, 1), Reading("b", 5, 1), Reading("a", 20, 2)], T0, CancellationToken.None);
        var second = await _log.Append([Reading("a", 15, 3)], T0, CancellationToken.None);

        Assert.That(first, Is.EqualTo(new long[] { 1, 1, 2 }));
        Assert.That(second, Is.EqualTo(new long[] { 3 }), "positions follow appends, not timestamps");
    }

    [Test]
    public async Task Append_AKeyTheLogHolds_OrRepeatedInTheCall_IsADuplicate()
    {
        await _log.Append([Reading("a", 10, 1)], T0, CancellationToken.None);

        var again = await _log.Append([Reading("a", 10, 99), Reading("a", 11, 2), Reading("a", 11, 3)], T0, CancellationToken.None);
        var rows = await _log.ReadAfter("a", 0, CancellationToken.None);

        Assert.That(again, Is.EqualTo(new long[] { 0, 2, 0 }));
        Assert.That(rows.Select(r => r.Reading.Values["depthCm"]), Is.EqualTo(new[] { 1.0, 2.0 }), "the first of each key is kept");
    }

    [Test]
    public async Task Append_ManyCallersAtOnce_EachLearnsItsOwnOutcomesAndEveryKeyIsStoredOnce()
    {
        // 40 callers, each sending 50 readings of which half repeat another caller's keys: group commits carry several at once.
        var calls = Enumerable.Range(0, 40).Select(c => _log.Append(
            [.. Enumerable.Range(0, 50).Select(i => Reading($"s{i % 5}", i % 2 == 0 ? c * 100 + i : i, c))], T0, CancellationToken.None)).ToArray();
        var results = await Task.WhenAll(calls);

        var appended = results.Sum(r => r.Count(p => p > 0));
        var distinctKeys = 40 * 25 + 25;
        Assert.That(appended, Is.EqualTo(distinctKeys), "each distinct (sensor, ts) appended exactly once");
        Assert.That(_writer.Commits, Is.LessThan(40), "callers waiting together shared commits");
        for (var s = 0; s < 5; s++)
        {
            var rows = await _log.ReadAfter($"s{s}", 0, CancellationToken.None);
            Assert.That(rows.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, rows.Count).Select(i => (long)i)), $"s{s}'s positions run 1, 2, 3 … without gaps");
            Assert.That(rows.Select(r => r.Reading.Ts).Distinct().Count(), Is.EqualTo(rows.Count));
        }
    }

    [Test]
    public async Task ReadAfter_GivesTheRowsAfterAPosition_WithTheirValuesAndArrivalExactly()
    {
        var values = new Dictionary<string, double> { ["pm25"] = 0.1 + 0.2, ["pm10"] = 1e-300, ["no2"] = -0.0 };
        await _log.Append([Reading("a", 1, 1), new SensorReading("a", T0.AddSeconds(2), values)], T0.AddMinutes(1), CancellationToken.None);

        var rows = await _log.ReadAfter("a", 1, CancellationToken.None);

        Assert.That(rows, Has.Count.EqualTo(1));
        Assert.That((rows[0].Seq, rows[0].Reading.Ts, rows[0].ReceivedAt), Is.EqualTo((2L, T0.AddSeconds(2), T0.AddMinutes(1))));
        Assert.That(rows[0].Reading.Values, Is.EqualTo(values));
    }

    [Test]
    public async Task Append_WhenTheDatabaseFails_RefusesTheWholeCallAndStoresNothing_ThenRecovers()
    {
        await _log.Append([Reading("a", 1, 1)], T0, CancellationToken.None);
        await Execute("ALTER TABLE reading_log RENAME TO reading_log_away");

        Assert.That(async () => await _log.Append([Reading("a", 2, 2), Reading("b", 2, 2)], T0, CancellationToken.None),
            Throws.InstanceOf<ReadingLogUnavailableException>());

        await Execute("ALTER TABLE reading_log_away RENAME TO reading_log");
        var resent = await _log.Append([Reading("a", 2, 2), Reading("b", 2, 2)], T0, CancellationToken.None);

        Assert.That(resent, Is.EqualTo(new long[] { 2, 1 }), "the resend is applied as if it were the first");
        Assert.That(_writer.Failures, Is.EqualTo(1));
    }

    private async Task Execute(string sql)
    {
        await using var connection = await _test.Database.OpenAsync(CancellationToken.None);
        await CityDatabase.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
