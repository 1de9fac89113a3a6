using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using System.Reflection;

namespace ControlCenter.Storage.Schema;

/// <summary>
/// Applies the project's own schema scripts (embedded in this assembly) at start-up, before the silo starts.
/// Every script is idempotent, so this runs on every start; on PostgreSQL an advisory lock keeps two silos
/// starting together from racing each other.
/// </summary>
public sealed class SchemaInitializer(CityDatabase database, ILogger<SchemaInitializer> logger) : IHostedService
{
    private static readonly string[] SqliteScripts = ["orleans-persistence.sql", "grain-state.sql", "reading-log.sql", "audit.sql", "credentials.sql", "data-protection-keys.sql", "lot-desk-history.sql"];
    private static readonly string[] PostgreSqlScripts =
        ["orleans-main.sql", "orleans-persistence.sql", "orleans-clustering.sql", "orleans-reminders.sql", "grain-state.sql", "reading-log.sql", "audit.sql", "credentials.sql", "data-protection-keys.sql", "lot-desk-history.sql"];

    /// <summary>An arbitrary constant shared by every ControlCenter silo: "CCSCHEMA" in ASCII.</summary>
    private const long SchemaLockKey = 0x4343534348454D41;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var postgres = database.Provider == DatabaseProvider.PostgreSql;
        var folder = postgres ? "postgresql" : "sqlite";
        await using var connection = await database.OpenAsync(cancellationToken);
        if (postgres)
            await CityDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_lock({SchemaLockKey})", cancellationToken);
        else
            // WAL lets readers (history queries, replays) run while the log and grain state are written.
            await CityDatabase.ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);

        foreach (var script in postgres ? PostgreSqlScripts : SqliteScripts)
        {
            await CityDatabase.ExecuteAsync(connection, ReadScript($"sql/{folder}/{script}"), cancellationToken);
        }

        var migrated = await LegacyReadingsMigration.Run(connection, postgres, cancellationToken);
        if (migrated > 0) logger.LogInformation("Moved {Readings} readings of the earlier history table into the readings log", migrated);

        if (postgres)
            await CityDatabase.ExecuteAsync(connection, $"SELECT pg_advisory_unlock({SchemaLockKey})", cancellationToken);
        logger.LogInformation("Schema applied on {Provider}", database.Provider);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string ReadScript(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Schema script '{name}' is not embedded in the host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
