using System.Data.Common;

namespace ControlCenter.Storage.GrainState;

/// <summary>One round of a group commit on SQLite: a prepared statement per row, all inside the writer's transaction.</summary>
internal static class SqliteGrainStateCommit
{
    // A grain that read no row (or only the ADO.NET store's) may only create one: a row that exists, even a tombstone,
    // was written by another activation.
    private const string Insert =
        "INSERT INTO grain_state (service_id, grain_id, state_name, version, payload) VALUES (@service, @id, @state, @version, @payload) "
        + "ON CONFLICT (service_id, grain_id, state_name) DO NOTHING";

    private const string Update =
        "UPDATE grain_state SET version = @version, payload = @payload "
        + "WHERE service_id = @service AND grain_id = @id AND state_name = @state AND version = @version - 1";

    /// <returns>The writes that applied.</returns>
    public static async Task<List<GrainStateWrite>> Run(DbConnection connection, DbTransaction transaction, string serviceId, IReadOnlyList<GrainStateWrite> round)
    {
        await using var insert = Prepare(connection, transaction, Insert, serviceId);
        await using var update = Prepare(connection, transaction, Update, serviceId);
        var applied = new List<GrainStateWrite>();
        foreach (var write in round)
        {
            var command = write.Read.ExpectsRow ? update : insert;
            command.Parameters["@id"].Value = write.GrainId;
            command.Parameters["@state"].Value = write.StateName;
            command.Parameters["@version"].Value = write.Version;
            command.Parameters["@payload"].Value = (object?)write.Payload ?? DBNull.Value;
            if (await command.ExecuteNonQueryAsync() == 1) applied.Add(write);
        }

        return applied;
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string sql, string serviceId)
    {
        var command = CityDatabase.Command(connection, sql, ("@service", serviceId), ("@id", ""), ("@state", ""), ("@version", 0L), ("@payload", DBNull.Value));
        command.Transaction = transaction;
        return command;
    }
}
