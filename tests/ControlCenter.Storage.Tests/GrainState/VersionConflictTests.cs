using Orleans.Storage;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>durable-core.md invariant 8: two activations of one grain on two silos; the stale one is refused.</summary>
public class VersionConflictTests : GrainStorageTest
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_FromStaleActivation_IsRefusedAndNewerStateSurvives(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        await a.Write(grain, await a.Activate(grain), 1);
        var onA = await a.Activate(grain);
        var onB = await b.Activate(grain);

        await a.Write(grain, onA, 2);

        Assert.That(() => b.Write(grain, onB, 99), Throws.InstanceOf<InconsistentStateException>());
        var survivor = await b.Activate(grain);
        Assert.Multiple(() =>
        {
            Assert.That(survivor.State?.Count, Is.EqualTo(2));
            Assert.That(survivor.ETag, Is.EqualTo("2"));
            Assert.That(onB.ETag, Is.EqualTo("1"), "a refused write leaves the grain's ETag as it was");
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_BothActivationsReadNoRow_SecondIsRefused(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        var onA = await a.Activate(grain);
        var onB = await b.Activate(grain);

        await a.Write(grain, onA, 1);

        Assert.That(() => b.Write(grain, onB, 99), Throws.InstanceOf<InconsistentStateException>());
        Assert.That((await a.Activate(grain)).State?.Count, Is.EqualTo(1));
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Clear_FromStaleActivation_IsRefusedAndNewerStateSurvives(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        await a.Write(grain, await a.Activate(grain), 1);
        var onA = await a.Activate(grain);
        var onB = await b.Activate(grain);

        await a.Write(grain, onA, 2);

        Assert.That(() => b.Clear(grain, onB), Throws.InstanceOf<InconsistentStateException>());
        Assert.Multiple(async () =>
        {
            Assert.That((await a.Activate(grain)).State?.Count, Is.EqualTo(2));
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(2L, false)));
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_WithNullETagAfterClear_CannotResurrectTheRow(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        var stale = await b.Activate(grain);
        var onA = await a.Activate(grain);
        await a.Write(grain, onA, 1);
        await a.Clear(grain, onA);

        Assert.That(() => b.Write(grain, stale, 99), Throws.InstanceOf<InconsistentStateException>());
        var after = await a.Activate(grain);
        Assert.Multiple(async () =>
        {
            Assert.That(after.RecordExists, Is.False);
            Assert.That(after.State?.Count, Is.Zero);
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(2L, true)));
        });
    }

    /// <summary>
    /// Two activations on one silo write at the same moment with the same ETag, often inside one group commit; the
    /// commit must still apply exactly one of them to each row.
    /// </summary>
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_TwoStatesOfOneGrainAtOnce_ExactlyOneApplies(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        var silo = await StartSilo();
        var grains = Enumerable.Range(0, 50).Select(_ => Counter.NewGrain()).ToList();
        foreach (var grain in grains) await silo.Write(grain, await silo.Activate(grain), 1);
        var activations = new List<(GrainId Grain, GrainState<CounterState> First, GrainState<CounterState> Second)>();
        foreach (var grain in grains) activations.Add((grain, await silo.Activate(grain), await silo.Activate(grain)));

        // Queued without a pause between them, so that pairs share commits.
        var pairs = activations.Select(a => (a.Grain, First: silo.Write(a.Grain, a.First, 10), Second: silo.Write(a.Grain, a.Second, 20))).ToList();
        try { await Task.WhenAll(pairs.SelectMany(p => new[] { p.First, p.Second })); }
        catch (InconsistentStateException) { /* half of them: asserted one by one below */ }

        foreach (var (grain, first, second) in pairs)
        {
            Assert.That(new[] { first, second }.Count(t => t.IsCompletedSuccessfully), Is.EqualTo(1), $"one write of {grain} applied");
            var failed = first.IsFaulted ? first : second;
            Assert.That(failed.Exception?.InnerException, Is.InstanceOf<InconsistentStateException>());
            var stored = await silo.Activate(grain);
            Assert.Multiple(() =>
            {
                Assert.That(stored.State?.Count, Is.EqualTo(first.IsCompletedSuccessfully ? 10 : 20));
                Assert.That(stored.ETag, Is.EqualTo("2"));
            });
        }
    }
}
