using System.Globalization;
using ControlCenter.Storage.Tests.Infrastructure;

namespace ControlCenter.Storage.Tests.GrainState;

/// <summary>The test grain's identity, and its row as the database holds it (not as a read would present it).</summary>
public static class Counter
{
    public const string StateName = "counter";

    public static GrainId NewGrain() => GrainId.Create("counter", Guid.NewGuid().ToString("N"));

    /// <returns>The row's version and whether it is a tombstone, or null when there is no row.</returns>
    public static async Task<(long Version, bool Tombstone)?> StoredRow(TestDatabase test, GrainId grain)
    {
        await using var connection = await test.Database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection,
            "SELECT version, CASE WHEN payload IS NULL THEN 1 ELSE 0 END FROM grain_state WHERE service_id = @service AND grain_id = @id AND state_name = @state",
            ("@service", StorageSilo.ServiceId), ("@id", grain.ToString()), ("@state", StateName));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture) == 1);
    }

    public static async Task Execute(TestDatabase test, string sql)
    {
        await using var connection = await test.Database.OpenAsync(CancellationToken.None);
        await CityDatabase.ExecuteAsync(connection, sql, CancellationToken.None);
    }
}
