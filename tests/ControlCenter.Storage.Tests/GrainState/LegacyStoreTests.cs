using System.Data.Common;
using Orleans.Storage;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>State that Orleans' ADO.NET provider wrote (earlier releases) moves to grain_state once, and only once.</summary>
public class LegacyStoreTests : GrainStorageTest
{
    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Write_StateReadFromAdoNetTable_MovesOnceAndStaleMigrationIsRefused(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        await WriteLegacy(a, grain, 5);
        var onA = await a.Activate(grain);
        var onB = await b.Activate(grain);

        await a.Write(grain, onA, 6);

        Assert.Multiple(async () =>
        {
            Assert.That(onB.State?.Count, Is.EqualTo(5));
            Assert.That(onB.ETag, Is.EqualTo("adonet:1"), "a state from the old table carries a distinct ETag");
            Assert.That(onA.ETag, Is.EqualTo("2"), "the version goes on from the old row's");
            Assert.That(() => b.Write(grain, onB, 99), Throws.InstanceOf<InconsistentStateException>());
            Assert.That((await b.Activate(grain)).State?.Count, Is.EqualTo(6));
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(2L, false)));
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Clear_StateReadFromAdoNetTable_LeavesTombstoneAndClearsTheOldRow(DatabaseProvider provider)
    {
        var (a, b) = await StartTwoSilos(provider);
        var grain = Counter.NewGrain();
        await WriteLegacy(a, grain, 5);
        var onA = await a.Activate(grain);
        var onB = await b.Activate(grain);

        await a.Clear(grain, onA);

        var old = new GrainState<CounterState>(new CounterState());
        await a.Legacy.ReadStateAsync(Counter.StateName, grain, old);
        Assert.Multiple(async () =>
        {
            Assert.That(old.RecordExists, Is.False, "the old table no longer holds the state");
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(2L, true)));
            Assert.That(() => b.Write(grain, onB, 99), Throws.InstanceOf<InconsistentStateException>());
            Assert.That((await b.Activate(grain)).RecordExists, Is.False);
        });
    }

    [TestCase(DatabaseProvider.Sqlite)]
    [TestCase(DatabaseProvider.PostgreSql)]
    public async Task Read_OldStoreCheckFailedOnce_LaterReadsFindTheOldState(DatabaseProvider provider)
    {
        await UseDatabase(provider);
        var writer = await StartSilo();
        var grain = Counter.NewGrain();
        await WriteLegacy(writer, grain, 5);
        var silo = await StartSilo();

        // The database is briefly without the old table (as if unreachable) while the first activation asks about it.
        await Counter.Execute(Test, "ALTER TABLE OrleansStorage RENAME TO orleansstorage_away");
        Assert.That(() => silo.Activate(grain), Throws.InstanceOf<DbException>());
        await Counter.Execute(Test, "ALTER TABLE orleansstorage_away RENAME TO OrleansStorage");

        var read = await silo.Activate(grain);
        Assert.Multiple(() =>
        {
            Assert.That(read.State?.Count, Is.EqualTo(5));
            Assert.That(read.ETag, Is.EqualTo("adonet:1"));
        });
    }

    private static Task WriteLegacy(StorageSilo silo, GrainId grain, int count) =>
        silo.Legacy.WriteStateAsync(Counter.StateName, grain, new GrainState<CounterState>(new CounterState { Count = count }));
}
