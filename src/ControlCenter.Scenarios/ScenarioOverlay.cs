using ControlCenter.Domain.Catalog;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Scenarios;

/// <summary>
/// Lays a scenario's effects over the normal day's readings: at a scenario minute, a sensor in an effect's
/// selection is silent, or has some metrics replaced. Rates turn into the amount fallen since the sensor's
/// previous reading, in city time, so a compressed storm drops the same millimetres faster. Counts stay whole
/// numbers, and a visitor counter whose people present an effect sets has at least the rise come in.
/// </summary>
public sealed class ScenarioOverlay(Scenario scenario)
{
    private const string Present = "present";
    private const string Entries = "entries";

    private readonly Dictionary<string, double> _lastMinute = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _lastPresent = new(StringComparer.Ordinal);

    public Scenario Scenario => scenario;

    public bool IsSilent(CatalogSensor sensor, double minute) =>
        scenario.Effects.Any(e => e.Silent && Covers(e, sensor, minute));

    public Reading Apply(CatalogSensor sensor, Reading reading, double minute)
    {
        var previous = _lastMinute.TryGetValue(sensor.Id, out var last) ? last : minute - sensor.ReportingIntervalSeconds / 60.0;
        _lastMinute[sensor.Id] = minute;
        var values = new Dictionary<string, double>(reading.Values, StringComparer.Ordinal);
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var effect in scenario.Effects.Where(e => !e.Silent && Covers(e, sensor, minute)))
        {
            var fraction = (minute - effect.From) / (effect.To - effect.From);
            foreach (var (metric, ramp) in effect.Values ?? new Dictionary<string, Ramp>())
            {
                if (!sensor.Metrics.Contains(metric)) continue;
                values[metric] = Math.Round(ramp.At(fraction), 2);
                set.Add(metric);
            }

            foreach (var (metric, ramp) in effect.Rates ?? new Dictionary<string, Ramp>())
            {
                if (!sensor.Metrics.Contains(metric)) continue;
                var hours = Math.Max(0, Math.Min(minute, effect.To) - Math.Max(previous, effect.From)) / 60;
                values[metric] = Math.Round(ramp.At(fraction) * hours, 2);
                set.Add(metric);
            }
        }

        var metrics = Metrics.For(sensor.Kind);
        foreach (var metric in set.Where(m => metrics.TryGetValue(m, out var known) && known.WholeNumber))
            values[metric] = Math.Max(0, Math.Round(values[metric]));
        KeepEntriesWithPresent(sensor.Id, values, set);
        return reading with { Values = values };
    }

    /// <summary>People present rose by so many since the counter's previous reading: at least that many came in.</summary>
    private void KeepEntriesWithPresent(string sensorId, Dictionary<string, double> values, HashSet<string> set)
    {
        if (!values.TryGetValue(Present, out var present)) return;
        if (set.Contains(Present) && !set.Contains(Entries) && values.TryGetValue(Entries, out var entries)
            && _lastPresent.TryGetValue(sensorId, out var before))
            values[Entries] = Math.Max(entries, present - before);
        _lastPresent[sensorId] = present;
    }

    private static bool Covers(ScenarioEffect effect, CatalogSensor sensor, double minute) =>
        minute >= effect.From && minute <= effect.To
        && (effect.Sensors?.Contains(sensor.Id) ?? true)
        && (effect.Kind is null || effect.Kind == sensor.Kind)
        && (effect.Zones is null || effect.Zones.Contains(sensor.ZoneId));
}
