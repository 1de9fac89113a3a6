using Microsoft.Extensions.Logging;
using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// Group commit for grain state. Every grain still waits for its own state to be durable before it goes on (a
/// sensor before ingest answers: README, "What a crash can lose"), but the writes of all grains waiting at that
/// moment share one transaction and one disk flush, instead of one each. No delay is added: a commit starts as soon as the previous
/// one ends, with everything that queued meanwhile, so a lone write costs one round trip as before.
/// </summary>
public sealed class GrainStateWriter : IAsyncDisposable
{
    /// <summary>Bounds one transaction (and one PostgreSQL statement's arrays) to a few megabytes.</summary>
    private const int MaxRowsPerCommit = 2000;

    private const string SqliteUpsert =
        "INSERT INTO grain_state (service_id, grain_id, state_name, version, payload) VALUES (@service, @id, @state, @version, @payload) "
        + "ON CONFLICT (service_id, grain_id, state_name) DO UPDATE SET version = excluded.version, payload = excluded.payload "
        + "WHERE grain_state.version = excluded.version - 1";

    private const string PostgresUpsert =
        "INSERT INTO grain_state AS s (service_id, grain_id, state_name, version, payload) "
        + "SELECT @service, * FROM unnest(@ids, @states, @versions, @payloads) "
        + "ON CONFLICT (service_id, grain_id, state_name) DO UPDATE SET version = excluded.version, payload = excluded.payload "
        + "WHERE s.version = excluded.version - 1 RETURNING s.grain_id, s.state_name";

    private readonly CityDatabase _database;
    private readonly ILogger<GrainStateWriter> _logger;
    private readonly Channel<GrainStateWrite> _queue = Channel.CreateUnbounded<GrainStateWrite>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    private readonly string _serviceId;

    public GrainStateWriter(CityDatabase database, IOptions<ClusterOptions> cluster, ILogger<GrainStateWriter> logger)
    {
        _database = database;
        _serviceId = cluster.Value.ServiceId;
        _logger = logger;
        _loop = Task.Run(CommitLoop);
    }

    /// <summary>Completes when the write is durable; fails (and changes nothing) on a version conflict or a database error.</summary>
    public Task Write(GrainStateWrite write)
    {
        if (!_queue.Writer.TryWrite(write)) write.Fail(new ObjectDisposedException(nameof(GrainStateWriter)));
        return write.Committed;
    }

    private Task CommitLoop() => ChannelBatches.ForEach(_queue.Reader, MaxRowsPerCommit, async batch =>
    {
        try
        {
            var applied = await Commit(batch);
            foreach (var write in batch)
            {
                if (applied.Contains(write.Key)) write.Succeed();
                else write.Fail(new InconsistentStateException($"State '{write.StateName}' of '{write.GrainId}' was changed by another writer (expected version {write.Version - 1}).", "", ""));
            }
        }
        catch (Exception ex)
        {
            // The grains revert and deactivate (WriteOrRevert); ingest answers "unavailable" and gateways resend.
            _logger.LogWarning(ex, "Committing {Count} grain states failed", batch.Count);
            foreach (var write in batch) write.Fail(ex);
        }
    });

    /// <returns>The keys of the writes that applied (the others met a different version).</returns>
    private async Task<HashSet<string>> Commit(List<GrainStateWrite> batch)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var applied = _database.Provider == DatabaseProvider.PostgreSql
            ? await CommitPostgres((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, _serviceId, batch)
            : await CommitSqlite(connection, transaction, _serviceId, batch);
        await transaction.CommitAsync();
        return applied;
    }

    private static async Task<HashSet<string>> CommitPostgres(NpgsqlConnection connection, NpgsqlTransaction transaction, string serviceId, List<GrainStateWrite> batch)
    {
        await using var command = new NpgsqlCommand(PostgresUpsert, connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = serviceId });
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(w => w.GrainId)] });
        command.Parameters.Add(new NpgsqlParameter<string[]>("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(w => w.StateName)] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. batch.Select(w => w.Version)] });
        command.Parameters.Add(new NpgsqlParameter<byte[][]>("payloads", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { TypedValue = [.. batch.Select(w => w.Payload)] });
        var applied = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) applied.Add($"{reader.GetString(0)}\n{reader.GetString(1)}");
        return applied;
    }

    private static async Task<HashSet<string>> CommitSqlite(DbConnection connection, DbTransaction transaction, string serviceId, List<GrainStateWrite> batch)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = SqliteUpsert;
        Parameter(command, "@service").Value = serviceId;
        var id = Parameter(command, "@id");
        var state = Parameter(command, "@state");
        var version = Parameter(command, "@version");
        var payload = Parameter(command, "@payload");
        var applied = new HashSet<string>(StringComparer.Ordinal);
        foreach (var write in batch)
        {
            id.Value = write.GrainId;
            state.Value = write.StateName;
            version.Value = write.Version;
            payload.Value = write.Payload;
            if (await command.ExecuteNonQueryAsync() == 1) applied.Add(write.Key);
        }

        return applied;
    }

    private static DbParameter Parameter(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued are committed before the process ends (the grains are waiting for them).
        _queue.Writer.TryComplete();
        await _loop;
    }
}
