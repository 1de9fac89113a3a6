using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Grains.Zones;

/// <summary>
/// A zone's alerting: runs the rules over what the zone sees, tracks durations and hold times, and hands the
/// resulting signals to the alert book. Each signal gets the zone's next number; signals the book could not
/// take are kept and sent first next time with their numbers, so a failed call loses nothing and the book,
/// which skips numbers it has applied, applies nothing twice.
/// </summary>
public sealed class ZoneRules(string zoneId, CityCatalog catalog)
{
    private readonly ConditionTracker _tracker = new();
    private readonly Dictionary<string, SilentSensor> _silent = new(StringComparer.Ordinal);
    private readonly List<AlertSignal> _unsent = [];
    private long _lastNumber;

    /// <summary>
    /// Takes the zone's alerts that are open in storage, so they can clear after a restart, and the last signal
    /// number the book applied for the zone, to number on from it.
    /// </summary>
    public void Seed(IEnumerable<Alert> open, long lastApplied)
    {
        foreach (var alert in open) _tracker.Seed(alert.Key, alert.Level, alert.ConditionClearedAt, alert.EntityIds);
        _lastNumber = Math.Max(_lastNumber, lastApplied);
    }

    public void SensorHealthChanged(string sensorId, HealthState health, DateTimeOffset since)
    {
        if (health == HealthState.Ok)
        {
            _silent.Remove(sensorId);
            return;
        }

        // Going offline after stale keeps the moment it fell silent: that is what the outage rule compares.
        _silent[sensorId] = new SilentSensor(sensorId, health, _silent.TryGetValue(sensorId, out var known) ? known.Since : since);
    }

    /// <returns>
    /// The signals to send now (including any a failed call left behind; an outage's first, so that the book
    /// knows it before the sensor alerts it inhibits), and the lots whose flood closure must change.
    /// </returns>
    public (IReadOnlyList<AlertSignal> Signals, IReadOnlyList<(string LotId, bool Flooded)> Lots) Evaluate(
        IReadOnlyCollection<MemberSummary> members, ThresholdPacks packs, DateTimeOffset now)
    {
        var observation = new ZoneObservation(zoneId, now,
            [.. members.Select(m => new ObservedEntity(m.EntityId, m.Kind, m.Status, m.Ts, m.Figures))], [.. _silent.Values]);
        var findings = ZoneRuleEngine.Evaluate(new RuleContext(catalog, packs, observation, _tracker.HeldLevel));
        var transitions = _tracker.Observe(findings, now, rule => ZoneRuleEngine.MinimumDuration(rule, packs),
            TimeSpan.FromMinutes(packs.Alerting.ClearHoldMinutes));

        foreach (var t in transitions.OrderBy(t => t.Key.StartsWith(AlertRules.ZoneOutage + "/", StringComparison.Ordinal) ? 0 : 1))
            _unsent.Add(new AlertSignal(Kind(t.Kind), t.Key, t.Finding is { } f ? ToRaise(f, now) : null, t.At, ++_lastNumber));
        return ([.. _unsent], LotsToChange(members));
    }

    /// <summary>
    /// Lots whose closure differs from what the flood → parking rule holds now: compared at every evaluation,
    /// so a failed call, a restart or a responder's manual resolve never leaves a lot closed (or open) wrongly.
    /// </summary>
    private List<(string, bool)> LotsToChange(IReadOnlyCollection<MemberSummary> members)
    {
        var flooded = FloodedLots.ToHashSet(StringComparer.Ordinal);
        return [.. members.Where(m => m.Kind == EntityKinds.ParkingLot)
            .Where(m => (m.Figures.GetValueOrDefault("floodClosed") == 1) != flooded.Contains(m.EntityId))
            .Select(m => (m.EntityId, flooded.Contains(m.EntityId)))];
    }

    /// <summary>The book has applied the signals numbered up to <paramref name="lastSent"/>.</summary>
    public void Sent(long lastSent) => _unsent.RemoveAll(s => s.Sequence <= lastSent);

    /// <summary>Lots this zone holds closed for flooding (to re-assert after a restart).</summary>
    public IEnumerable<string> FloodedLots =>
        _tracker.FiringKeys.Where(k => k.StartsWith(AlertRules.FloodParking + "/", StringComparison.Ordinal))
            .Select(k => k[(AlertRules.FloodParking.Length + 1)..]);

    private static AlertSignalKind Kind(TransitionKind kind) => kind switch
    {
        TransitionKind.ConditionCleared => AlertSignalKind.ConditionCleared,
        TransitionKind.Resolve => AlertSignalKind.Resolve,
        _ => AlertSignalKind.Raise,
    };

    private static AlertRaise ToRaise(Finding f, DateTimeOffset now) => new()
    {
        RuleId = f.RuleId, Scope = f.Scope, ZoneId = f.ZoneId, Severity = f.Severity, Level = f.Level,
        EntityIds = f.EntityIds, ChildKeys = f.ChildKeys, At = now,
        Evidence = [.. f.Evidence.Select(e => new AlertEvidence(e.EntityId, e.Metric, Math.Round(e.Value, 3), e.Ts))],
    };
}
