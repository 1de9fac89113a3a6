using ControlCenter.Storage;
using ControlCenter.Storage.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ControlCenter.Storage.Tests.Infrastructure;

/// <summary>
/// A database of a test's own with the centre's schema applied: a SQLite file in a temporary folder, or a fresh
/// PostgreSQL database on the server <c>ops/test.sh</c> starts (admin connection from CONTROLCENTER_TEST_PG).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public static readonly string PostgresAdmin =
        Environment.GetEnvironmentVariable("CONTROLCENTER_TEST_PG")
        ?? "Host=127.0.0.1;Port=5432;Username=controlcenter;Password=controlcenter;Database=postgres";

    private readonly string? _directory;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseOptions options, string? directory, string? postgresName)
    {
        Options = options;
        _directory = directory;
        _postgresName = postgresName;
        Database = new CityDatabase(Microsoft.Extensions.Options.Options.Create(options));
    }

    public DatabaseOptions Options { get; }

    public CityDatabase Database { get; }

    public DatabaseProvider Provider => Options.Provider;

    public static async Task<TestDatabase> Create(DatabaseProvider provider)
    {
        TestDatabase database;
        if (provider == DatabaseProvider.Sqlite)
        {
            var directory = Directory.CreateTempSubdirectory("controlcenter-storage-test-").FullName;
            database = new TestDatabase(new DatabaseOptions { Provider = provider, DataDirectory = directory }, directory, null);
        }
        else
        {
            var name = $"cc_storage_{Guid.NewGuid():N}";
            try
            {
                await using var admin = new NpgsqlConnection(PostgresAdmin);
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }
            catch (NpgsqlException ex)
            {
                Assert.Fail($"PostgreSQL is not reachable at '{PostgresAdmin}': run ops/test.sh (it starts it) or set CONTROLCENTER_TEST_PG. {ex.Message}");
            }

            var connection = new NpgsqlConnectionStringBuilder(PostgresAdmin) { Database = name, Pooling = true, MaxPoolSize = 20 }.ConnectionString;
            database = new TestDatabase(new DatabaseOptions { Provider = provider, ConnectionString = connection }, null, name);
        }

        await new SchemaInitializer(database.Database, NullLogger<SchemaInitializer>.Instance).StartAsync(CancellationToken.None);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null) await TestDatabases.Drop(PostgresAdmin, _postgresName);

        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_directory, recursive: true); }
            catch (IOException) { /* a file still held open only wastes temp space */ }
        }
    }
}
