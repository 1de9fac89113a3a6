using System.Threading.Channels;
using ControlCenter.Storage;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.History;

/// <summary>
/// Appends accepted readings to the readings table in batches (one transaction per flush: binary COPY on
/// PostgreSQL, many rows per statement on SQLite), at least every <see cref="HistoryOptions.FlushInterval"/>. On shutdown it drains what is queued.
/// </summary>
public sealed class HistoryWriter(CityDatabase database, IOptions<HistoryOptions> options, ILogger<HistoryWriter> logger)
    : BackgroundService
{
    private readonly Channel<HistoryRow> _queue = Channel.CreateBounded<HistoryRow>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });

    private long _written;

    public long RowsWritten => Interlocked.Read(ref _written);

    public int Pending => _queue.Reader.Count;

    public async ValueTask AppendAsync(IEnumerable<HistoryRow> rows, CancellationToken cancellationToken)
    {
        foreach (var row in rows) await _queue.Writer.WriteAsync(row, cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<HistoryRow>(options.Value.RowsPerStatement * 4);
        var reader = _queue.Reader;
        // The loop ends when the writer is completed (shutdown) and the queue is drained; it does not stop on
        // stoppingToken alone, so queued rows are written before the process exits.
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            await Task.WhenAny(Task.Delay(options.Value.FlushInterval, stoppingToken), reader.Completion);
            while (reader.TryRead(out var row)) batch.Add(row);
            await WriteWithRetry(batch);
            batch.Clear();
        }
    }

    private async Task WriteWithRetry(List<HistoryRow> rows)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await Write(rows);
                Interlocked.Add(ref _written, rows.Count);
                return;
            }
            catch (Exception ex)
            {
                // Never drop accepted rows and never stop the host: keep retrying; meanwhile the bounded queue
                // makes ingest wait instead of growing memory.
                var level = attempt < 5 ? LogLevel.Warning : LogLevel.Error;
                logger.Log(level, ex, "History write of {Rows} rows failed (attempt {Attempt}); retrying", rows.Count, attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(200 * attempt, 5000)));
            }
        }
    }

    private async Task Write(List<HistoryRow> rows)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var transaction = await connection.BeginTransactionAsync();
        if (connection is Npgsql.NpgsqlConnection postgres)
        {
            await PostgresHistoryCopy.Write(postgres, (Npgsql.NpgsqlTransaction)transaction, rows);
            await transaction.CommitAsync();
            return;
        }

        foreach (var chunk in rows.Chunk(options.Value.RowsPerStatement))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = HistorySql.Insert(chunk.Length);
            for (var i = 0; i < chunk.Length; i++)
            {
                AddParameter(command, $"@s{i}", chunk[i].SensorId);
                AddParameter(command, $"@m{i}", chunk[i].Metric);
                AddParameter(command, $"@t{i}", chunk[i].TsMs);
                AddParameter(command, $"@v{i}", chunk[i].Value);
            }

            await command.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static void AddParameter(System.Data.Common.DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
