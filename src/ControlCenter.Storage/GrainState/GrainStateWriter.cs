using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;

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
                if (applied.Contains(write)) write.Succeed();
                else write.Fail(write.Conflict());
            }
        }
        catch (Exception ex)
        {
            // The grains revert and deactivate (WriteOrRevert); ingest answers "unavailable" and gateways resend.
            _logger.LogWarning(ex, "Committing {Count} grain states failed", batch.Count);
            foreach (var write in batch) write.Fail(ex);
        }
    });

    private async Task<HashSet<GrainStateWrite>> Commit(List<GrainStateWrite> batch)
    {
        await using var connection = await _database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        var applied = new HashSet<GrainStateWrite>();
        foreach (var round in Rounds(batch))
        {
            applied.UnionWith(connection is NpgsqlConnection postgres
                ? await PostgresGrainStateCommit.Run(postgres, (NpgsqlTransaction)transaction, _serviceId, round)
                : await SqliteGrainStateCommit.Run(connection, transaction, _serviceId, round));
        }

        await transaction.CommitAsync();
        return applied;
    }

    /// <summary>
    /// Splits a batch so that no round touches a row twice. Two activations of one grain (a stale one and a newer
    /// one) can queue writes for the same row at the same moment; in queue order, each round sees the previous
    /// one's versions, exactly as if they had been committed one after the other.
    /// </summary>
    internal static List<List<GrainStateWrite>> Rounds(List<GrainStateWrite> batch)
    {
        var rounds = new List<List<GrainStateWrite>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var write in batch)
        {
            var index = seen.GetValueOrDefault(write.Key);
            seen[write.Key] = index + 1;
            if (index == rounds.Count) rounds.Add([]);
            rounds[index].Add(write);
        }

        return rounds;
    }

    public async ValueTask DisposeAsync()
    {
        // Writes already queued are committed before the process ends (the grains are waiting for them).
        _queue.Writer.TryComplete();
        await _loop;
    }
}
