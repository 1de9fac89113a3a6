using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// One round of a group commit on PostgreSQL: at most two statements over <c>unnest</c> arrays, one updating rows at
/// the versions their grains read, one inserting the rows of grains that read none.
/// </summary>
internal static class PostgresGrainStateCommit
{
    private const string Update =
        "UPDATE grain_state AS g SET version = w.version, payload = w.payload "
        + "FROM unnest(@ids, @states, @versions, @payloads) AS w(grain_id, state_name, version, payload) "
        + "WHERE g.service_id = @service AND g.grain_id = w.grain_id AND g.state_name = w.state_name AND g.version = w.version - 1 "
        + "RETURNING g.grain_id, g.state_name";

    // A row that exists, even a tombstone, was written by another activation: insert only new rows.
    private const string Insert =
        "INSERT INTO grain_state (service_id, grain_id, state_name, version, payload) "
        + "SELECT @service, * FROM unnest(@ids, @states, @versions, @payloads) "
        + "ON CONFLICT (service_id, grain_id, state_name) DO NOTHING RETURNING grain_id, state_name";

    /// <returns>The writes that applied. A round holds each row at most once, so a row's key names its write.</returns>
    public static async Task<List<GrainStateWrite>> Run(NpgsqlConnection connection, NpgsqlTransaction transaction, string serviceId, IReadOnlyList<GrainStateWrite> round)
    {
        var applied = new List<GrainStateWrite>();
        foreach (var (sql, writes) in new[] { (Update, round.Where(w => w.Read.ExpectsRow).ToList()), (Insert, round.Where(w => !w.Read.ExpectsRow).ToList()) })
        {
            if (writes.Count == 0) continue;
            var byKey = writes.ToDictionary(w => w.Key, StringComparer.Ordinal);
            await using var command = new NpgsqlCommand(sql, connection, transaction);
            command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = serviceId });
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. writes.Select(w => w.GrainId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. writes.Select(w => w.StateName)] });
            command.Parameters.Add(new NpgsqlParameter<long[]>("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. writes.Select(w => w.Version)] });
            command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. writes.Select(w => w.Payload)] });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) applied.Add(byKey[$"{reader.GetString(0)}\n{reader.GetString(1)}"]);
        }

        return applied;
    }
}
