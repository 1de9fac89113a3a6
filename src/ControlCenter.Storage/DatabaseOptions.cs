namespace ControlCenter.Storage;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Where grain state and history live. Embedded default: a SQLite file under the working directory's data
/// folder. Production: PostgreSQL (grain storage, clustering and reminders).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Storage";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Required for PostgreSQL; for SQLite it defaults to a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How grain state is written: <see cref="GrainStateStores.GroupCommit"/> (the default: every grain waiting at one
    /// moment shares one transaction, see docs/benchmarks.md) or <see cref="GrainStateStores.AdoNet"/> (Orleans' ADO.NET
    /// provider alone, one transaction per write, as architecture.md first described it).
    /// </summary>
    public string GrainStateStore { get; set; } = GrainStateStores.GroupCommit;

    /// <summary>The embedded profile's data folder, relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>The invariant name Orleans' ADO.NET providers resolve to a provider factory.</summary>
    public string Invariant => Provider == DatabaseProvider.PostgreSql ? "Npgsql" : "System.Data.SQLite";

    public string ResolveConnectionString()
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString)) return ConnectionString;
        if (Provider == DatabaseProvider.PostgreSql)
            throw new InvalidOperationException(
                "Storage:Provider is PostgreSql but Storage:ConnectionString is not set. Set it, e.g. "
                + "Storage__ConnectionString='Host=127.0.0.1;Database=controlcenter;Username=controlcenter;Password=...'.");
        var directory = Path.GetFullPath(DataDirectory);
        Directory.CreateDirectory(directory);
        // Default Timeout: Microsoft.Data.Sqlite retries a busy database for this long instead of failing at once.
        return $"Data Source={Path.Combine(directory, "controlcenter.db")};Default Timeout=30;Pooling=True";
    }
}

/// <summary>The values of <c>Storage:GrainStateStore</c>.</summary>
public static class GrainStateStores
{
    public const string GroupCommit = "group-commit";
    public const string AdoNet = "adonet";

    public static bool IsKnown(string? store) => store is GroupCommit or AdoNet;
}
