using System.Data.Common;
using System.Globalization;

namespace ControlCenter.Storage.Log;

/// <summary>
/// Each sensor's last position, remembered by one writer between its commits, so an append does not look it up in
/// the log for every row. Valid only while no one else appended: under the append lock the writer counts the commit
/// in <c>reading_log_head</c>, and if the count read is not the one it expected, it forgets everything and asks the
/// log again. Changes are kept apart until the transaction commits.
/// </summary>
public sealed class LogPositions
{
    private const string CountCommitSql = "UPDATE reading_log_head SET commits = commits + 1 WHERE id = 1 RETURNING commits";
    private const string LastOf = "SELECT COALESCE(MAX(seq), 0) FROM reading_log WHERE sensor_id = @s";

    private readonly Dictionary<string, long> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _pending = new(StringComparer.Ordinal);
    private long? _commits;
    private long? _pendingCommits;

    /// <summary>Counts this commit (call it while holding the append lock) and learns whether the remembered positions still hold.</summary>
    public async Task CountCommit(DbConnection connection, DbTransaction transaction)
    {
        await using var command = CityDatabase.Command(connection, CountCommitSql);
        command.Transaction = transaction;
        var commits = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        if (_commits is not { } known || commits != known + 1) _last.Clear();
        _pending.Clear();
        _pendingCommits = commits;
    }

    /// <summary>The sensor's last position as of this transaction; looked up once when not remembered.</summary>
    public async Task<long> Last(string sensorId, DbConnection connection, DbTransaction transaction)
    {
        if (_pending.TryGetValue(sensorId, out var pending)) return pending;
        if (_last.TryGetValue(sensorId, out var last)) return last;
        await using var command = CityDatabase.Command(connection, LastOf, ("@s", sensorId));
        command.Transaction = transaction;
        return _pending[sensorId] = Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    /// <summary>Looks up the last positions of the sensors not remembered (before <see cref="Last"/>, to ask once for many).</summary>
    public IEnumerable<string> Unknown(IEnumerable<string> sensorIds) => sensorIds.Where(s => !_pending.ContainsKey(s) && !_last.ContainsKey(s));

    public void Learn(string sensorId, long last) => _pending[sensorId] = last;

    /// <summary>The transaction committed: what it learned holds.</summary>
    public void Committed()
    {
        foreach (var (sensorId, last) in _pending) _last[sensorId] = last;
        _pending.Clear();
        _commits = _pendingCommits;
    }

    /// <summary>The transaction failed: forget everything, ask the log again next time.</summary>
    public void Forget()
    {
        _last.Clear();
        _pending.Clear();
        _commits = null;
    }
}
