using System.Data.Common;
using System.Threading.Channels;
using ControlCenter.Contracts.Messages;
using Npgsql;
using NpgsqlTypes;

namespace ControlCenter.Storage.Log;

/// <summary>
/// Reads sensors' rows after their checkpoints. A start-up activates every sensor at once and each replays from its
/// checkpoint: reads waiting at one moment share one query (on PostgreSQL) or one connection (on SQLite), as the
/// grain-state reader does, instead of a connection each.
/// </summary>
public sealed class ReadingLogReader : IAsyncDisposable
{
    private const int MaxSensorsPerQuery = 1000;

    private const string SqliteSelect =
        "SELECT seq, ts_ms, received_ms, vals FROM reading_log WHERE sensor_id = @s AND seq > @after ORDER BY seq";

    private const string PostgresSelect =
        "SELECT r.sensor_id, r.seq, r.ts_ms, r.received_ms, r.vals FROM unnest(@ids, @after) AS k(sensor_id, after_seq) "
        + "JOIN reading_log r ON r.sensor_id = k.sensor_id AND r.seq > k.after_seq ORDER BY r.sensor_id, r.seq";

    private readonly CityDatabase _database;
    private readonly Channel<Request> _queue = Channel.CreateUnbounded<Request>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;

    public ReadingLogReader(CityDatabase database)
    {
        _database = database;
        _loop = Task.Run(() => ChannelBatches.ForEach(_queue.Reader, MaxSensorsPerQuery, ReadBatch));
    }

    public Task<IReadOnlyList<LoggedReading>> ReadAfter(string sensorId, long afterSeq)
    {
        var request = new Request(sensorId, afterSeq);
        if (!_queue.Writer.TryWrite(request)) request.Result.TrySetException(new ObjectDisposedException(nameof(ReadingLogReader)));
        return request.Result.Task;
    }

    private async Task ReadBatch(List<Request> batch)
    {
        try
        {
            // One sensor may be asked twice in a batch (two activations racing): one read from the lower position serves both.
            var lowest = batch.GroupBy(r => r.SensorId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(r => r.AfterSeq), StringComparer.Ordinal);
            await using var connection = await _database.OpenAsync(CancellationToken.None);
            var bySensor = connection is NpgsqlConnection postgres ? await ReadPostgres(postgres, lowest) : await ReadSqlite(connection, lowest);
            foreach (var request in batch)
                request.Result.TrySetResult([.. bySensor.GetValueOrDefault(request.SensorId, []).Where(r => r.Seq > request.AfterSeq)]);
        }
        catch (Exception ex)
        {
            foreach (var request in batch) request.Result.TrySetException(ex);
        }
    }

    private static async Task<Dictionary<string, List<LoggedReading>>> ReadPostgres(NpgsqlConnection connection, Dictionary<string, long> lowest)
    {
        var bySensor = new Dictionary<string, List<LoggedReading>>(StringComparer.Ordinal);
        await using var command = new NpgsqlCommand(PostgresSelect, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. lowest.Keys] });
        command.Parameters.Add(new NpgsqlParameter<long[]>("after", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. lowest.Values] });
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sensorId = reader.GetString(0);
            if (!bySensor.TryGetValue(sensorId, out var rows)) bySensor[sensorId] = rows = [];
            rows.Add(Row(sensorId, reader, 1));
        }

        return bySensor;
    }

    private static async Task<Dictionary<string, List<LoggedReading>>> ReadSqlite(DbConnection connection, Dictionary<string, long> lowest)
    {
        var bySensor = new Dictionary<string, List<LoggedReading>>(StringComparer.Ordinal);
        await using var command = CityDatabase.Command(connection, SqliteSelect, ("@s", ""), ("@after", 0L));
        foreach (var (sensorId, after) in lowest)
        {
            command.Parameters[0].Value = sensorId;
            command.Parameters[1].Value = after;
            await using var reader = await command.ExecuteReaderAsync();
            var rows = bySensor[sensorId] = [];
            while (await reader.ReadAsync()) rows.Add(Row(sensorId, reader, 0));
        }

        return bySensor;
    }

    private static LoggedReading Row(string sensorId, DbDataReader reader, int first) => new(
        reader.GetInt64(first),
        new SensorReading(sensorId, DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 1)), ReadingValues.Decode(reader.GetString(first + 3))),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(first + 2)));

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed class Request(string sensorId, long afterSeq)
    {
        public string SensorId { get; } = sensorId;
        public long AfterSeq { get; } = afterSeq;
        public TaskCompletionSource<IReadOnlyList<LoggedReading>> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
