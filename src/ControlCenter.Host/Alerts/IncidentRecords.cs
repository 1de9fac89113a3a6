using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Alerts;

/// <summary>
/// Gathers an incident from the record: the alert as stored (its whole timeline), and the readings of its evidence
/// sensors from <c>hours</c> before it was raised to <c>hours</c> after it was resolved (or now, while it is not).
/// </summary>
public sealed class IncidentRecords(IGrainFactory grains, CityCatalog catalog, ReadingRecord record, TimeProvider time)
{
    public static readonly TimeSpan DefaultAround = TimeSpan.FromHours(3);

    public static readonly TimeSpan MaxAround = TimeSpan.FromHours(24);

    /// <summary>Enough for a day either side of a sensor reporting every 30 seconds; a report is for reading, not a dump.</summary>
    public const int MaxReadingsPerSensor = 10_000;

    public const int MaxSensors = 20;

    /// <returns>Null when no such alert exists.</returns>
    public async Task<Incident?> Find(string alertId, TimeSpan around, CancellationToken cancellationToken)
    {
        if (!AlertEndpoints.AlertIdPattern().IsMatch(alertId) || await grains.GetGrain<IAlertGrain>(alertId).Get() is not { } alert) return null;
        var now = time.GetUtcNow();
        var from = alert.RaisedAt - around;
        var to = (alert.ResolvedAt ?? now) + around;
        if (to > now) to = now;
        var sensors = new List<IncidentSensor>();
        foreach (var (sensor, metric) in EvidenceSensors(alert).Take(MaxSensors))
        {
            var readings = await record.Range(sensor.Id, from, to.AddMilliseconds(1), MaxReadingsPerSensor, cancellationToken);
            sensors.Add(new IncidentSensor(sensor, metric, Metrics.For(sensor.Kind).GetValueOrDefault(metric)?.Unit ?? "", readings));
        }

        return new Incident(alert, from, to, sensors);
    }

    /// <summary>The catalogue sensors the alert names, each with the metric its evidence gives (or the kind's main one for a derived figure).</summary>
    private IEnumerable<(Sensor Sensor, string Metric)> EvidenceSensors(Alert alert) =>
        alert.Evidence.Select(e => (e.EntityId, (string?)e.Metric)).Concat(alert.EntityIds.Select(id => (id, (string?)null)))
            .Select(p => (Sensor: catalog.FindSensor(p.Item1), p.Item2))
            .Where(p => p.Sensor is not null)
            .Select(p => (p.Sensor!, p.Item2 is { } m && p.Sensor!.Metrics.Contains(m) ? m : MainMetric(p.Sensor!)))
            .DistinctBy(p => p.Item1.Id);

    /// <summary>The figure a sensor of its kind is read by (as the entity panel charts it).</summary>
    public static string MainMetric(Sensor sensor) => sensor.Kind switch
    {
        SensorKinds.Air => "pm25",
        SensorKinds.Water => "do",
        SensorKinds.Rain => "rainMm",
        SensorKinds.Flood => "depthCm",
        SensorKinds.VisitorCounter => "present",
        SensorKinds.Traffic => "speedKmh",
        _ => sensor.Metrics.Count > 0 ? sensor.Metrics[0] : "",
    };
}
