using Npgsql;

namespace ControlCenter.Bench.Suite;

/// <summary>
/// The production-like configuration every benchmark host gets: Production environment (no development seeding;
/// the two baselines run in the bench host as Development, the only environment where it accepts a Bench:Mode),
/// configured credentials, warnings-only logging, ports apart from a developer's centre (5080, 1883, 11111, 30000), and
/// a fresh database per host so that no run reads another's state.
/// </summary>
public static class BenchSettings
{
    /// <summary>The mode that measures the product itself (ControlCenter.Host, no Bench:Mode); the others are baselines.</summary>
    public const string Product = "full";
    public const int HttpPort = 5190;
    /// <summary>The broker's port for the MQTT rows (a developer's centre listens on 1883).</summary>
    public const int MqttPort = 1990;
    public const string IngestKeyName = "bench";
    public const string IngestKey = "bench-ingest-key";
    public const string FeedToken = "bench-feed-token";
    public const string PostgresServer = "Host=127.0.0.1;Username=controlcenter;Password=controlcenter";
    public const string PostgresDatabase = "controlcenter_bench";

    /// <summary>A hash of "bench-admin-password" (<c>ControlCenter.Host hash-password</c>): Production insists on a user.</summary>
    private const string AdminPasswordHash = "AQAAAAIAAYagAAAAEPKUCdYgEDeRFZ2v8lPEUrmmCs2ywFkfY4EfEXBO3vstjVo4ts7Jx45WIvMjI0PsEw==";

    public static Dictionary<string, string> For(Storage storage, string catalogPath, string mode, string dataDirectory) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = mode == Product ? "Production" : "Development",
        ["Catalog__Path"] = catalogPath,
        // Empty rather than absent: the product refuses a Bench:Mode, and one exported in the shell would be inherited.
        ["Bench__Mode"] = mode == Product ? "" : mode,
        ["Ingest__Keys__0__Name"] = IngestKeyName,
        ["Ingest__Keys__0__Key"] = IngestKey,
        // One gateway key sends everything here (HTTP and every MQTT connection); a city would spread gateways over many keys.
        ["Ingest__Keys__0__RequestsPerSecond"] = "100000",
        ["Ingest__RequestsPerSecond"] = "100000",
        ["Mqtt__Port"] = MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Feed__Tokens__0__Name"] = "bench-feed",
        ["Feed__Tokens__0__Token"] = FeedToken,
        ["Feed__MaxConnectionsPerCaller"] = "2000",
        ["Auth__Users__0__Username"] = "admin",
        ["Auth__Users__0__Role"] = "admin",
        ["Auth__Users__0__PasswordHash"] = AdminPasswordHash,
        ["Orleans__SiloPort"] = "11190",
        ["Orleans__GatewayPort"] = "30190",
        ["Logging__LogLevel__Default"] = "Warning",
        ["Storage__Provider"] = storage == Storage.PostgreSql ? "PostgreSql" : "Sqlite",
        ["Storage__DataDirectory"] = dataDirectory,
        ["Storage__ConnectionString"] = storage == Storage.PostgreSql ? $"{PostgresServer};Database={PostgresDatabase};Maximum Pool Size=60" : "",
    };

    /// <summary>Drops and recreates the benchmark database (the role may create databases; see ops/postgres.sh).</summary>
    public static async Task ResetPostgres()
    {
        await using var connection = new NpgsqlConnection($"{PostgresServer};Database=postgres");
        await connection.OpenAsync();
        // After a heavy run PostgreSQL's own autovacuum may still be working in the old database; its worker is not
        // ours to terminate (42501), so wait for it to finish rather than fail the whole run.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {PostgresDatabase} WITH (FORCE)", connection);
                await drop.ExecuteNonQueryAsync();
                break;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 30)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
            }
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {PostgresDatabase}", connection);
        await create.ExecuteNonQueryAsync();
    }
}

public enum Storage { Sqlite, PostgreSql }
