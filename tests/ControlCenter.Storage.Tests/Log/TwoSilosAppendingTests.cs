using ControlCenter.Contracts.Messages;
using ControlCenter.Storage.Log;
using ControlCenter.Storage.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace ControlCenter.Storage.Tests.Log;

/// <summary>
/// Two silos append to one PostgreSQL log for the same sensors at once (a gateway behind a load balancer): every key
/// is stored once and each sensor's positions still run 1, 2, 3 … in commit order, as checkpoints rely on.
/// </summary>
public class TwoSilosAppendingTests
{
    [Test]
    public async Task TwoWriters_SameSensorsAtOnce_GiveUniqueGaplessPositions()
    {
        await using var test = await TestDatabase.Create(DatabaseProvider.PostgreSql);
        await using var first = new ReadingLogWriter(test.Database, TestMeters.Factory, NullLogger<ReadingLogWriter>.Instance);
        await using var second = new ReadingLogWriter(test.Database, TestMeters.Factory, NullLogger<ReadingLogWriter>.Instance);
        await using var reader = new ReadingLogReader(test.Database);
        var at = DateTimeOffset.UnixEpoch.AddYears(56);

        // Both silos get the same 30 batches (a resend to the other silo), plus 30 of their own.
        Task<long[]> Send(ReadingLogWriter writer, int batch, int offset) => writer.Append(new LogAppend(
            [.. Enumerable.Range(0, 20).Select(i => ReadingLogTests.Reading($"s{i % 4}", offset + batch * 20 + i, i))], at));
        var calls = Enumerable.Range(0, 30).SelectMany(b => new[] { Send(first, b, 0), Send(second, b, 0), Send(first, b, 10_000), Send(second, b, 20_000) });
        var results = await Task.WhenAll(calls);

        Assert.That(results.Sum(r => r.Count(p => p > 0)), Is.EqualTo(30 * 20 * 3), "the shared batches once, each silo's own batches once");
        for (var s = 0; s < 4; s++)
        {
            var rows = await reader.ReadAfter($"s{s}", 0);
            Assert.That(rows.Select(r => r.Seq), Is.EqualTo(Enumerable.Range(1, rows.Count).Select(i => (long)i)));
        }
    }
}
