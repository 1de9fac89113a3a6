using System.Globalization;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// Lets a SQLite <c>grain_state</c> table made before tombstones hold one: its payload column was NOT NULL, and SQLite
/// cannot drop a column constraint, so the table is rebuilt once, in one transaction. (PostgreSQL's grain-state.sql
/// drops the constraint itself.)
/// </summary>
internal static class SqliteTombstoneMigration
{
    private const string PayloadRequired = "SELECT \"notnull\" FROM pragma_table_info('grain_state') WHERE name = 'payload'";
    private const string Aside = "grain_state_before_tombstones";

    /// <returns>Whether the table was rebuilt.</returns>
    public static async Task<bool> Run(CityDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider != DatabaseProvider.Sqlite) return false;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var check = CityDatabase.Command(connection, PayloadRequired))
        {
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken) ?? 0L, CultureInfo.InvariantCulture) != 1) return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        string[] steps =
        [
            $"ALTER TABLE grain_state RENAME TO {Aside}",
            // The current script creates the table as it is now; the copy keeps every row and version.
            ReadScript(),
            $"INSERT INTO grain_state (service_id, grain_id, state_name, version, payload) SELECT service_id, grain_id, state_name, version, payload FROM {Aside}",
            $"DROP TABLE {Aside}",
        ];
        foreach (var step in steps)
        {
            await using var command = CityDatabase.Command(connection, step);
            command.Transaction = transaction;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static string ReadScript()
    {
        const string name = "sql/sqlite/grain-state.sql";
        using var stream = typeof(SqliteTombstoneMigration).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Schema script '{name}' is not embedded in the storage assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
