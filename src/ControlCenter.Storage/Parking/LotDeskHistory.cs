using System.Diagnostics.Metrics;
using System.Globalization;
using ControlCenter.Contracts;
using ControlCenter.Contracts.Storage;

namespace ControlCenter.Storage.Parking;

/// <summary>A lot's figures as recorded from a moment on.</summary>
public sealed record LotDeskRow(string LotId, DateTimeOffset At, LotDeskFigures Figures);

/// <summary>
/// The <c>lot_desk_history</c> table: lot desks append a row when their figures change, incident review reads the
/// figures in force at a moment, retention removes what review can no longer reach. Rows are rare (a lot's figures
/// change a few hundred times a day), so each is written at once, not batched.
/// </summary>
public sealed class LotDeskHistory : ILotDeskHistory
{
    private const string Insert =
        "INSERT INTO lot_desk_history (lot_id, at_ms, held, sessions_open, sessions_today, revenue_today_vnd, paid_today_vnd) "
        + "VALUES (@lot, @at, @held, @open, @today, @revenue, @paid) "
        + "ON CONFLICT (lot_id, at_ms) DO UPDATE SET held = excluded.held, sessions_open = excluded.sessions_open, "
        + "sessions_today = excluded.sessions_today, revenue_today_vnd = excluded.revenue_today_vnd, paid_today_vnd = excluded.paid_today_vnd";

    /// <summary>
    /// Each lot's newest row at or before the moment. The recursive part walks the lots one index seek at a time
    /// (a loose index scan, the same SQL on SQLite and PostgreSQL), so a review step costs a seek per lot, not a scan
    /// of the month's rows.
    /// </summary>
    private const string AsOfQuery = """
        WITH RECURSIVE lots (id) AS (
            SELECT min(lot_id) FROM lot_desk_history
            UNION ALL
            SELECT (SELECT min(n.lot_id) FROM lot_desk_history n WHERE n.lot_id > lots.id) FROM lots WHERE lots.id IS NOT NULL
        )
        SELECT h.lot_id, h.at_ms, h.held, h.sessions_open, h.sessions_today, h.revenue_today_vnd, h.paid_today_vnd
        FROM lots JOIN lot_desk_history h ON h.lot_id = lots.id
        WHERE h.at_ms = (SELECT max(x.at_ms) FROM lot_desk_history x WHERE x.lot_id = lots.id AND x.at_ms <= @at)
        """;

    /// <summary>
    /// Rows older than the cutoff, except each lot's newest one at or before it: that row holds the figures in force
    /// at the cutoff, so a lot whose figures did not change for longer than the retention is still known at every
    /// moment review can reach.
    /// </summary>
    private const string Prune =
        "DELETE FROM lot_desk_history WHERE at_ms < (SELECT max(x.at_ms) FROM lot_desk_history x "
        + "WHERE x.lot_id = lot_desk_history.lot_id AND x.at_ms <= @cutoff)";

    private const int AppendTimeoutSeconds = 5;

    private readonly CityDatabase _database;
    private readonly Counter<long> _failuresCounter;
    private long _failures;

    public LotDeskHistory(CityDatabase database, IMeterFactory meters)
    {
        _database = database;
        _failuresCounter = meters.Create(TelemetryNames.Meter).CreateCounter<long>(
            "controlcenter.parking.desk_history_failures", "{row}",
            "Lot desk figures that could not be recorded for incident review (the app request still succeeded)");
    }

    /// <summary>Failed appends so far, for tests in process (the exported figure is the counter).</summary>
    public long Failures => Interlocked.Read(ref _failures);

    public async Task Append(string lotId, DateTimeOffset at, LotDeskFigures figures, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _database.OpenAsync(cancellationToken);
            await using var command = CityDatabase.Command(connection, Insert,
                ("@lot", lotId), ("@at", at.ToUnixTimeMilliseconds()), ("@held", figures.Held), ("@open", figures.SessionsOpen),
                ("@today", figures.SessionsToday), ("@revenue", figures.RevenueTodayVnd), ("@paid", figures.PaidTodayVnd));
            // A desk waits for this row before it answers; a locked or slow database must not hold a driver (or a
            // silo's shutdown) for the default 30 s. A row given up on is counted and tried again at the next sweep.
            command.CommandTimeout = AppendTimeoutSeconds;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Interlocked.Increment(ref _failures);
            _failuresCounter.Add(1);
            throw;
        }
    }

    /// <summary>Per lot, the newest row at or before the moment; a lot with none is absent.</summary>
    public async Task<IReadOnlyDictionary<string, LotDeskRow>> AsOf(DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, AsOfQuery, ("@at", at.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new Dictionary<string, LotDeskRow>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            long Number(int i) => Convert.ToInt64(reader.GetValue(i), CultureInfo.InvariantCulture);
            var lotId = reader.GetString(0);
            rows[lotId] = new LotDeskRow(lotId, DateTimeOffset.FromUnixTimeMilliseconds(Number(1)),
                new LotDeskFigures((int)Number(2), (int)Number(3), (int)Number(4), Number(5), Number(6)));
        }

        return rows;
    }

    /// <summary>Deletes rows older than the cutoff that no moment after it needs (see <see cref="Prune"/>).</summary>
    public async Task<int> DeleteOlderThan(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await _database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, Prune, ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
