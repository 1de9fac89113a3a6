using Npgsql;

namespace ControlCenter.Testing;

/// <summary>Ends a PostgreSQL database a test made for itself.</summary>
public static class TestDatabases
{
    /// <summary>
    /// <c>WITH (FORCE)</c> ends the test's own connections but not an autovacuum worker the server may have started on the
    /// fresh database (a superuser's process: 42501). Such a worker is done in moments, so the drop is tried again until then.
    /// </summary>
    public static async Task Drop(string adminConnectionString, string name)
    {
        NpgsqlConnection.ClearAllPools();
        await Eventually.Until(async () =>
        {
            try
            {
                await using var admin = new NpgsqlConnection(adminConnectionString);
                await admin.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
                await drop.ExecuteNonQueryAsync();
                return true;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
            {
                return false;
            }
        }, dropped => dropped, $"database {name} to be dropped (an autovacuum worker was on it)", TimeSpan.FromSeconds(30));
    }
}
