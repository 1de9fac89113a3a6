using ControlCenter.Domain.Catalog;

namespace ControlCenter.Domain.Readings;

/// <summary>The checks a well-formed reading must pass against the catalogue and the clock.</summary>
public static class ReadingRules
{
    /// <summary>How far ahead of the server's clock a reading's timestamp may be.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    /// <returns>null when the reading may be accepted, else the rejection code and a message.</returns>
    public static (string Code, string Message)? Check(
        CityCatalog catalog, string sensorId, DateTimeOffset ts, IReadOnlyDictionary<string, double> values,
        DateTimeOffset now, TimeSpan retention)
    {
        var sensor = catalog.FindSensor(sensorId);
        if (sensor is null) return (RejectionCodes.UnknownSensor, $"No sensor '{sensorId}' in the catalogue.");
        if (sensor.Retired) return (RejectionCodes.RetiredSensor, $"Sensor '{sensorId}' is retired.");
        if (ts > now + FutureTolerance)
            return (RejectionCodes.BadTimestamp, $"ts {ts:O} is more than {FutureTolerance.TotalMinutes:0} min ahead of the server clock.");
        if (ts < now - retention)
            return (RejectionCodes.BadTimestamp, $"ts {ts:O} is older than the {retention.TotalDays:0.##}-day retention window.");

        var metrics = Metrics.For(sensor.Kind);
        foreach (var (name, value) in values)
        {
            if (!metrics.TryGetValue(name, out var metric) || !sensor.Metrics.Contains(name))
                return (RejectionCodes.UnknownMetric, $"Sensor '{sensorId}' ({sensor.Kind}) has no metric '{name}'.");
            if (!metric.Accepts(value))
                return (RejectionCodes.OutOfRange, $"{name} = {value} is outside {metric.Min}..{metric.Max}{(metric.WholeNumber ? " (whole numbers)" : "")}.");
            if (sensor.Kind == SensorKinds.ParkingGate && catalog.FindLot(sensor.ParentId!) is { } lot && value > lot.Capacity)
                return (RejectionCodes.OutOfRange, $"{name} = {value} is over lot '{lot.Id}' capacity {lot.Capacity}.");
        }

        return null;
    }
}
