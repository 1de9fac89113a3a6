namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>A clear keeps a tombstone row: the version goes on, and the grain is reset as Orleans' providers reset it.</summary>
public class TombstoneTests : GrainStorageTest
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Clear_AfterWrite_LeavesTombstoneAndResetsTheGrainState(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        var silo = await StartSilo();
        var grain = Counter.NewGrain();
        var state = await silo.Activate(grain);
        await silo.Write(grain, state, 7);

        await silo.Clear(grain, state);

        Assert.Multiple(async () =>
        {
            Assert.That(state.ETag, Is.EqualTo("2"));
            Assert.That(state.RecordExists, Is.False);
            Assert.That(state.State?.Count, Is.Zero);
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(2L, true)));
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Read_Tombstone_GivesDefaultStateWithItsVersion(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        var silo = await StartSilo();
        var grain = Counter.NewGrain();
        var state = await silo.Activate(grain);
        await silo.Write(grain, state, 7);
        await silo.Clear(grain, state);

        var read = await (await StartSilo()).Activate(grain);

        Assert.Multiple(() =>
        {
            Assert.That(read.ETag, Is.EqualTo("2"));
            Assert.That(read.RecordExists, Is.False);
            Assert.That(read.State?.Count, Is.Zero);
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_AfterClear_ContinuesTheVersion(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        var silo = await StartSilo();
        var grain = Counter.NewGrain();
        var state = await silo.Activate(grain);
        await silo.Write(grain, state, 7);
        await silo.Clear(grain, state);

        await silo.Write(grain, state, 8);

        var read = await (await StartSilo()).Activate(grain);
        Assert.Multiple(async () =>
        {
            Assert.That(state.ETag, Is.EqualTo("3"));
            Assert.That(read.State?.Count, Is.EqualTo(8));
            Assert.That(read.RecordExists, Is.True);
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(3L, false)));
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Clear_NeverWritten_LeavesTombstoneThatRefusesAStaleFirstWrite(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        var stale = await b.Activate(grain);
        var onA = await a.Activate(grain);

        await a.Clear(grain, onA);

        Assert.That(onA.ETag, Is.EqualTo("1"));
        Assert.That(() => b.Write(grain, stale, 99), Throws.InstanceOf<Orleans.Storage.InconsistentStateException>());
    }
}
