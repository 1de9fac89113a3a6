using System.Globalization;
using ControlCenter.Storage.Tests.Infrastructure;
using Orleans.Serialization;
using Microsoft.Extensions.DependencyInjection;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>A SQLite database from before tombstones (payload NOT NULL) is rebuilt at silo start and keeps its rows.</summary>
public class SqliteTombstoneMigrationTests : GrainStorageTest
{
    [Test]
    public async Task Start_OnTableMadeBeforeTombstones_KeepsRowsAndClearLeavesTombstone()
    {
        await UseDatabase(DatabaseProvider.Sqlite);
        var grain = Counter.NewGrain();
        await Counter.Execute(Test, "DROP TABLE grain_state; CREATE TABLE grain_state (service_id TEXT NOT NULL, grain_id TEXT NOT NULL, "
            + "state_name TEXT NOT NULL, version INTEGER NOT NULL, payload BLOB NOT NULL, PRIMARY KEY (service_id, grain_id, state_name)) WITHOUT ROWID");
        await InsertOldRow(grain, version: 4, new CounterState { Count = 4 });

        var silo = await StartSilo();
        var state = await silo.Activate(grain);
        await silo.Clear(grain, state);

        Assert.Multiple(async () =>
        {
            Assert.That(state.ETag, Is.EqualTo("5"), "the row kept its version through the rebuild");
            Assert.That(await Counter.StoredRow(Test, grain), Is.EqualTo(((long, bool)?)(5L, true)));
            Assert.That(await PayloadRequired(), Is.Zero);
        });
    }

    private async Task InsertOldRow(GrainId grain, long version, CounterState state)
    {
        await using var services = StorageSilo.Registrations(Test).BuildServiceProvider();
        var payload = services.GetRequiredService<Serializer>().SerializeToArray(state);
        await using var connection = await Test.Database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection,
            "INSERT INTO grain_state VALUES (@service, @id, @state, @version, @payload)",
            ("@service", StorageSilo.ServiceId), ("@id", grain.ToString()), ("@state", Counter.StateName), ("@version", version), ("@payload", payload));
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> PayloadRequired()
    {
        await using var connection = await Test.Database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection, "SELECT \"notnull\" FROM pragma_table_info('grain_state') WHERE name = 'payload'");
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
