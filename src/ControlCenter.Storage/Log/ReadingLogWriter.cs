using System.Data.Common;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using ControlCenter.Contracts;
using ControlCenter.Contracts.Storage;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Storage.Log;

/// <summary>
/// Group commit for the readings log. Every caller waits until its readings are durable, but the callers waiting at
/// one moment share one transaction and one disk flush: a commit starts as soon as the previous one ends, with all
/// that queued meanwhile, so a lone request costs one round trip and a busy centre one flush per group. Each caller
/// learns which of its own readings were appended (and at which position) and which the log already held.
/// </summary>
public sealed class ReadingLogWriter : IAsyncDisposable
{
    /// <summary>Bounds one transaction to a few megabytes; a single request (at most 5,000 readings) always fits.</summary>
    private const int MaxRowsPerCommit = 20_000;

    private readonly CityDatabase _database;
    private readonly ILogAppender _appender;
    private readonly ILogger<ReadingLogWriter> _logger;
    private readonly Channel<LogAppend> _queue = Channel.CreateUnbounded<LogAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _loop;
    private readonly Counter<long> _appendedCounter;
    private readonly Counter<long> _commitsCounter;
    private readonly Counter<long> _failuresCounter;
    private DbConnection? _connection;
    private long _commits, _failures;

    public ReadingLogWriter(CityDatabase database, IMeterFactory meters, ILogger<ReadingLogWriter> logger)
    {
        _database = database;
        _appender = database.Provider == DatabaseProvider.PostgreSql ? new PostgresLogAppender() : new SqliteLogAppender();
        _logger = logger;
        var meter = meters.Create(TelemetryNames.Meter);
        _appendedCounter = meter.CreateCounter<long>("controlcenter.log.readings_appended", "{reading}", "Readings the log appended");
        _commitsCounter = meter.CreateCounter<long>("controlcenter.log.commits", "{commit}", "Group commits that carried them");
        _failuresCounter = meter.CreateCounter<long>("controlcenter.log.append_failures", "{append}", "Appends that failed (the request got 503)");
        _loop = Task.Run(CommitLoop);
    }

    /// <summary>Group commits so far, for the tests that check callers share them (the exported figure is the counter).</summary>
    public long Commits => Interlocked.Read(ref _commits);

    /// <summary>Failed group commits so far, for the tests that read them in process.</summary>
    public long Failures => Interlocked.Read(ref _failures);

    /// <summary>
    /// Shows the log's series at 0 before the first append, so a dashboard's <c>rate()</c> sees them; called by the
    /// host once its exporter listens (a measurement taken earlier is lost).
    /// </summary>
    public void Baseline()
    {
        _appendedCounter.Add(0);
        _commitsCounter.Add(0);
        _failuresCounter.Add(0);
    }

    /// <inheritdoc cref="IReadingLog.Append"/>
    public Task<long[]> Append(LogAppend append)
    {
        if (!_queue.Writer.TryWrite(append)) append.Fail(new ReadingLogUnavailableException("The readings log is shutting down.", new ObjectDisposedException(nameof(ReadingLogWriter))));
        return append.Committed;
    }

    private async Task CommitLoop()
    {
        var group = new List<LogAppend>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var rows = 0;
            while (_queue.Reader.TryPeek(out var next) && (group.Count == 0 || rows + next.Readings.Count <= MaxRowsPerCommit))
            {
                _queue.Reader.TryRead(out _);
                group.Add(next);
                rows += next.Readings.Count;
            }

            await CommitGroup(group);
        }
    }

    /// <summary>Never throws: whatever fails, every caller of the group is answered and the loop goes on.</summary>
    private async Task CommitGroup(List<LogAppend> group)
    {
        var readings = group.Sum(a => a.Readings.Count);
        try
        {
            var plan = GroupPlan.Of(group);
            var positions = await Commit(plan.Rows);
            var results = plan.Results(positions);
            for (var i = 0; i < group.Count; i++) group[i].Succeed(results[i]);
            _appendedCounter.Add(positions.Count(p => p > 0));
            _commitsCounter.Add(1);
            Interlocked.Increment(ref _commits);
        }
        catch (Exception ex)
        {
            _failuresCounter.Add(1);
            Interlocked.Increment(ref _failures);
            _logger.LogWarning(ex, "Appending {Count} readings to the log failed; their requests are refused for a resend", readings);
            await DropConnection();
            var error = new ReadingLogUnavailableException("The readings log could not append (the database failed); nothing was stored.", ex);
            foreach (var append in group) append.Fail(error);
        }
    }

    private async Task<long[]> Commit(IReadOnlyList<LogRow> rows)
    {
        if (rows.Count == 0) return [];
        _connection ??= await _database.OpenAsync(CancellationToken.None);
        // IMMEDIATE on SQLite: the write lock is taken at BEGIN, so the positions read first stay the latest.
        await using var transaction = _connection is Microsoft.Data.Sqlite.SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await _connection.BeginTransactionAsync();
        try
        {
            var positions = await _appender.Insert(_connection, transaction, rows);
            await transaction.CommitAsync();
            _appender.Committed();
            return positions;
        }
        catch
        {
            _appender.Failed();
            throw;
        }
    }

    /// <summary>After a failure the connection may be broken or in an aborted transaction: the next commit opens a new one.</summary>
    private async Task DropConnection()
    {
        if (_connection is null) return;
        try { await _connection.DisposeAsync(); }
        catch (Exception ex) { _logger.LogDebug(ex, "Closing the log writer's failed connection"); }
        _connection = null;
    }

    public async ValueTask DisposeAsync()
    {
        // Appends already queued are committed before the process ends: their callers are waiting for them.
        _queue.Writer.TryComplete();
        await _loop;
        await DropConnection();
    }
}
