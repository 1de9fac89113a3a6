using ControlCenter.Contracts.Storage;
using ControlCenter.Storage.Parking;
using ControlCenter.Storage.Tests.Infrastructure;

namespace ControlCenter.Storage.Tests.Parking;

/// <summary>The lot desk history on both databases: what review reads at a moment, and what retention keeps.</summary>
[TestFixture(DatabaseProvider.Sqlite)]
[TestFixture(DatabaseProvider.PostgreSql)]
public class LotDeskHistoryTests(DatabaseProvider provider)
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private static LotDeskFigures Figures(int open, long revenue = 0) => new(1, open, open + 2, revenue, revenue / 2);

    [Test]
    public async Task AsOf_GivesEachLotsNewestRowAtOrBeforeTheMoment_AndLeavesOutALotBeforeItsFirst()
    {
        await using var test = await TestDatabase.Create(provider);
        var history = new LotDeskHistory(test.Database, TestMeters.Factory);
        await history.Append("p-a", T0, Figures(1), CancellationToken.None);
        await history.Append("p-a", T0.AddMinutes(10), Figures(2, 30_000), CancellationToken.None);
        await history.Append("p-a", T0.AddMinutes(20), Figures(0, 45_000), CancellationToken.None);
        await history.Append("p-b", T0.AddMinutes(15), Figures(5), CancellationToken.None);

        var before = await history.AsOf(T0.AddMinutes(-1), CancellationToken.None);
        var between = await history.AsOf(T0.AddMinutes(12), CancellationToken.None);
        var exactly = await history.AsOf(T0.AddMinutes(15), CancellationToken.None);
        var after = await history.AsOf(T0.AddHours(5), CancellationToken.None);

        Assert.That(before, Is.Empty, "no lot has a row yet");
        Assert.That(between.Values, Is.EqualTo(new[] { new LotDeskRow("p-a", T0.AddMinutes(10), Figures(2, 30_000)) }), "p-b's first row is later");
        Assert.That(exactly["p-b"], Is.EqualTo(new LotDeskRow("p-b", T0.AddMinutes(15), Figures(5))), "a row counts from its own moment");
        Assert.That(after.Values.OrderBy(r => r.LotId), Is.EqualTo(new[]
        {
            new LotDeskRow("p-a", T0.AddMinutes(20), Figures(0, 45_000)),
            new LotDeskRow("p-b", T0.AddMinutes(15), Figures(5)),
        }));
    }

    [Test]
    public async Task Append_TwiceInOneMillisecond_KeepsTheLater()
    {
        await using var test = await TestDatabase.Create(provider);
        var history = new LotDeskHistory(test.Database, TestMeters.Factory);
        await history.Append("p-a", T0, Figures(1), CancellationToken.None);
        await history.Append("p-a", T0, Figures(2), CancellationToken.None);

        Assert.That((await history.AsOf(T0, CancellationToken.None))["p-a"].Figures, Is.EqualTo(Figures(2)));
        Assert.That(history.Failures, Is.Zero);
    }

    [Test]
    public async Task DeleteOlderThan_RemovesWhatNoMomentAfterTheCutoffNeeds_AndKeepsTheRowInForceAtIt()
    {
        await using var test = await TestDatabase.Create(provider);
        var history = new LotDeskHistory(test.Database, TestMeters.Factory);
        var cutoff = T0.AddDays(30);
        await history.Append("p-a", T0, Figures(1), CancellationToken.None);
        await history.Append("p-a", T0.AddDays(1), Figures(2), CancellationToken.None);
        await history.Append("p-a", cutoff.AddHours(1), Figures(3), CancellationToken.None);
        await history.Append("p-b", T0, Figures(4), CancellationToken.None);
        await history.Append("p-b", T0.AddDays(2), Figures(5), CancellationToken.None);
        await history.Append("p-c", cutoff.AddHours(2), Figures(6), CancellationToken.None);

        var deleted = await history.DeleteOlderThan(cutoff, CancellationToken.None);

        Assert.That(deleted, Is.EqualTo(2), "p-a's and p-b's first rows; each lot's newest row before the cutoff stays");
        var atCutoff = await history.AsOf(cutoff, CancellationToken.None);
        Assert.That(atCutoff.Values.OrderBy(r => r.LotId).Select(r => (r.LotId, r.Figures.SessionsOpen)), Is.EqualTo(new[] { ("p-a", 2), ("p-b", 5) }),
            "the figures in force at the cutoff are still known");
        Assert.That(await history.AsOf(T0.AddHours(1), CancellationToken.None), Is.Empty, "the pruned past is gone");
        Assert.That((await history.AsOf(cutoff.AddDays(1), CancellationToken.None)).Values.Select(r => r.Figures.SessionsOpen).Order(),
            Is.EqualTo(new[] { 3, 5, 6 }), "rows after the cutoff are untouched");
        Assert.That(await history.DeleteOlderThan(cutoff, CancellationToken.None), Is.Zero, "a second pass finds nothing more");
    }

    [Test]
    public async Task Append_WhenTheDatabaseFails_ThrowsAndCountsTheFailure()
    {
        await using var test = await TestDatabase.Create(provider);
        var history = new LotDeskHistory(test.Database, TestMeters.Factory);
        await using (var connection = await test.Database.OpenAsync(CancellationToken.None))
            await CityDatabase.ExecuteAsync(connection, "DROP TABLE lot_desk_history", CancellationToken.None);

        Assert.That(async () => await history.Append("p-a", T0, Figures(1), CancellationToken.None), Throws.Exception);
        Assert.That(history.Failures, Is.EqualTo(1));
    }
}
