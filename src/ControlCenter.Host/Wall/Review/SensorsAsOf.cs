using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Grains.Hosting;
using ControlCenter.Grains.Sensors;
using ControlCenter.Storage.Log;

namespace ControlCenter.Host.Wall.Review;

/// <summary>
/// Every sensor as it was at a moment: its rows of the readings log up to the moment, folded as its grain folds
/// them (the grain's state is a pure function of its rows), its health from the age of its last reading at the
/// moment, and its figures derived as the grain derives them by the thresholds then in force. A sensor that had not
/// reported by then has no state.
/// </summary>
public sealed class SensorsAsOf(CityCatalog catalog, ReadingRecord record)
{
    /// <summary>How far back before its newest reading a sensor's derived figures read (NowCast hours, rain and oxygen windows).</summary>
    public static TimeSpan Lookback(string kind) => kind switch
    {
        SensorKinds.Air => TimeSpan.FromHours(14),
        SensorKinds.Rain or SensorKinds.Water or SensorKinds.VisitorCounter => RainFigures.LongestWindow + TimeSpan.FromMinutes(5),
        // One reading may carry some metrics and the next the others: an hour gives each metric its newest value.
        _ => TimeSpan.FromHours(1),
    };

    public async Task<(List<EntityState> States, Dictionary<string, MemberSummary> Summaries)> At(
        DateTimeOffset at, ThresholdSource thresholds, CancellationToken cancellationToken)
    {
        var derivation = new SensorDerivation(thresholds);
        var sensors = catalog.Sensors.Where(s => !s.Retired).ToList();
        var rows = await record.AsOf([.. sensors.Select(s => (s.Id, Lookback(s.Kind)))], at, cancellationToken);
        var states = new List<EntityState>(rows.Count);
        var summaries = new Dictionary<string, MemberSummary>(StringComparer.Ordinal);
        foreach (var sensor in sensors)
        {
            if (!rows.TryGetValue(sensor.Id, out var mine))
            {
                summaries[sensor.Id] = new MemberSummary(sensor.Id, sensor.Kind, 0, EntityStatus.Offline, null, new Dictionary<string, double>(), new SensorHealthCounts(1, 0, 1));
                continue;
            }

            var folded = mine.Aggregate(new SensorGrainState(), (state, row) => ReadingBuffers.Apply(state, sensor.Kind, row));
            var health = SensorHealth.Evaluate(folded.LastTs!.Value, at, sensor.ReportingIntervalSeconds, thresholds.Packs.Health);
            folded = folded with { Health = health };
            var view = derivation.Derive(sensor, folded, health);
            states.Add(new EntityState(sensor.Id, sensor.Kind, sensor.ZoneId, folded.Version, folded.LastTs, view.Status.ToWire(), folded.Values, view.Derived));
            summaries[sensor.Id] = new MemberSummary(sensor.Id, sensor.Kind, folded.Version, view.Status, folded.LastTs, view.Figures,
                new SensorHealthCounts(1, view.Status == EntityStatus.Stale ? 1 : 0, view.Status == EntityStatus.Offline ? 1 : 0));
        }

        return (states, summaries);
    }
}
