using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;
using Orleans.Configuration;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// Batches the reads of activating grains: a start-up activates every sensor, lot, junction and zone at once
/// (CityWarmup), and one connection per read exhausted the pool at 100,000 sensors. Reads waiting at one moment
/// share one query; as with the writer, nothing waits for a batch to fill.
/// </summary>
public sealed class GrainStateReader : IAsyncDisposable
{
    private const int MaxKeysPerQuery = 1000;

    private const string SqliteSelect =
        "SELECT version, payload FROM grain_state WHERE service_id = @service AND grain_id = @id AND state_name = @state";

    private const string PostgresSelect =
        "SELECT g.grain_id, g.state_name, g.version, g.payload FROM grain_state g "
        + "JOIN unnest(@ids, @states) AS k(grain_id, state_name) ON g.grain_id = k.grain_id AND g.state_name = k.state_name "
        + "WHERE g.service_id = @service";

    private readonly CityDatabase _database;
    private readonly string _serviceId;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public GrainStateReader(CityDatabase database, IOptions<ClusterOptions> cluster)
    {
        _database = database;
        _serviceId = cluster.Value.ServiceId;
        _loop = Task.Run(ReadLoop);
    }

    /// <summary>
    /// The stored version and payload (null for a tombstone, a cleared state), or null when this table has no row for
    /// the grain's state.
    /// </summary>
    public Task<(long Version, byte[]? Payload)?> Read(string grainId, string stateName)
    {
        var request = new Request(grainId, stateName);
        if (!_queue.Writer.TryWrite(request)) request.Result.TrySetException(new ObjectDisposedException(nameof(GrainStateReader)));
        return request.Result.Task;
    }

    private Task ReadLoop() => ChannelBatches.ForEach(_queue.Reader, MaxKeysPerQuery, async batch =>
    {
        try
        {
            var found = await ReadBatch(batch);
            foreach (var request in batch) request.Result.TrySetResult(found.TryGetValue(request.Key, out var row) ? row : null);
        }
        catch (Exception ex)
        {
            foreach (var request in batch) request.Result.TrySetException(ex);
        }
    });

    private async Task<Dictionary<string, (long, byte[]?)?>> ReadBatch(List<Request> batch)
    {
        var found = new Dictionary<string, (long, byte[]?)?>(StringComparer.Ordinal);
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        if (connection is NpgsqlConnection postgres)
        {
            await using var command = new NpgsqlCommand(PostgresSelect, postgres);
            command.Parameters.Add(new NpgsqlParameter<string>("service", NpgsqlDbType.Text) { TypedValue = _serviceId });
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.GrainId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("states", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. batch.Select(r => r.StateName)] });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) found[Request.KeyOf(reader.GetString(0), reader.GetString(1))] = (reader.GetInt64(2), Payload(reader, 3));
            return found;
        }

        foreach (var request in batch)
        {
            await using var command = CityDatabase.Command(connection, SqliteSelect, ("@service", _serviceId), ("@id", request.GrainId), ("@state", request.StateName));
            await using DbDataReader reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync()) found[request.Key] = (reader.GetInt64(0), Payload(reader, 1));
        }

        return found;
    }

    private static byte[]? Payload(DbDataReader reader, int column) => reader.IsDBNull(column) ? null : (byte[])reader.GetValue(column);

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed class Request(string grainId, string stateName)
    {
        public string GrainId { get; } = grainId;
        public string StateName { get; } = stateName;
        public string Key => KeyOf(GrainId, StateName);
        public TaskCompletionSource<(long Version, byte[]? Payload)?> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public static string KeyOf(string grainId, string stateName) => $"{grainId}\n{stateName}";
    }
}
