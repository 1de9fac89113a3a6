using System.Globalization;
using ControlCenter.Storage;

namespace ControlCenter.Host.History;

/// <summary>Reads the readings table: downsampled ranges, and whether a late reading is already stored.</summary>
public sealed class HistoryStore(CityDatabase database)
{
    public async Task<IReadOnlyList<HistoryPoint>> Query(
        string sensorId, string metric, DateTimeOffset from, DateTimeOffset to, TimeSpan step, CancellationToken cancellationToken)
    {
        var stepMs = (long)step.TotalMilliseconds;
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, HistorySql.Buckets,
            ("@step", stepMs), ("@s", sensorId), ("@m", metric),
            ("@from", from.ToUnixTimeMilliseconds()), ("@to", to.ToUnixTimeMilliseconds()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var points = new List<HistoryPoint>();
        while (await reader.ReadAsync(cancellationToken))
        {
            points.Add(new HistoryPoint(
                DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture)),
                Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture),
                Math.Round(Convert.ToDouble(reader.GetValue(2), CultureInfo.InvariantCulture), 4),
                Convert.ToDouble(reader.GetValue(3), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture)));
        }

        return points;
    }

    public async Task<bool> Contains(string sensorId, DateTimeOffset ts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, HistorySql.Exists, ("@s", sensorId), ("@t", ts.ToUnixTimeMilliseconds()));
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    public async Task<int> DeleteOlderThan(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = CityDatabase.Command(connection, HistorySql.DeleteOlderThan, ("@cutoff", cutoff.ToUnixTimeMilliseconds()));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
