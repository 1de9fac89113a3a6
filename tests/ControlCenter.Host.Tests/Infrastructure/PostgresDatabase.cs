using Npgsql;

namespace ControlCenter.Host.Tests.Infrastructure;

/// <summary>
/// A fresh PostgreSQL database per test, on the server that <c>ops/test.sh</c> starts. The admin connection
/// comes from CONTROLCENTER_TEST_PG (default: the role and password that script creates on 127.0.0.1).
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public static readonly string AdminConnectionString =
        Environment.GetEnvironmentVariable("CONTROLCENTER_TEST_PG")
        ?? "Host=127.0.0.1;Port=5432;Username=controlcenter;Password=controlcenter;Database=postgres";

    private readonly string _name = $"cc_test_{Guid.NewGuid():N}";

    public string ConnectionString => new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = _name, Pooling = true, MaxPoolSize = 30 }.ConnectionString;

    public static async Task<PostgresDatabase> Create()
    {
        var database = new PostgresDatabase();
        try
        {
            await using var connection = new NpgsqlConnection(AdminConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {database._name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex)
        {
            Assert.Fail($"PostgreSQL is not reachable at '{AdminConnectionString}': run the README's test command (ops/test.sh), "
                + $"which installs and starts it, or set CONTROLCENTER_TEST_PG. {ex.Message}");
        }

        return database;
    }

    public async ValueTask DisposeAsync() => await TestDatabases.Drop(AdminConnectionString, _name);
}
