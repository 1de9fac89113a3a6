using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests.Alerts;

/// <summary>
/// A small zone laid out in metres around one junction, and a clock the test moves: each <see cref="Step"/>
/// runs every rule once and feeds the verdicts through a condition tracker, as a zone grain does.
/// </summary>
public sealed class RuleScenario
{
    public const string Zone = "z";
    // Roughly 0.0009° of latitude is 100 m.
    private const double Lat = 21.0250, Lon = 105.8500, Per100M = 0.0009;

    public static readonly CityCatalog Catalog = new("Test",
        [new Zone(Zone, "Khu", "Zone", Lat, Lon)],
        [
            new ParkingLot("lot-near", "Bãi gần", "Near lot", Lat + 2 * Per100M, Lon, Zone, 20, "Lý Thường Kiệt"),
            new ParkingLot("lot-far", "Bãi xa", "Far lot", Lat + 20 * Per100M, Lon, Zone, 20, "Trần Hưng Đạo"),
        ],
        [new Junction("junction-1", "Ngã tư", "Junction", Lat, Lon, Zone)],
        [
            Sensor("flood-near", SensorKinds.Flood, Lat + Per100M),
            Sensor("flood-far", SensorKinds.Flood, Lat + 30 * Per100M),
            Sensor("air-1", SensorKinds.Air, Lat - 5 * Per100M),
            Sensor("rain-1", SensorKinds.Rain, Lat - Per100M),
            Sensor("water-1", SensorKinds.Water, Lat + 10 * Per100M),
            Sensor("spot-1", SensorKinds.ParkingSpot, Lat + 2 * Per100M, "lot-near"),
            Sensor("spot-2", SensorKinds.ParkingSpot, Lat + 2 * Per100M, "lot-near"),
            Sensor("spot-3", SensorKinds.ParkingSpot, Lat + 2 * Per100M, "lot-near"),
            Sensor("visitors-1", SensorKinds.VisitorCounter, Lat + 3 * Per100M) with { Capacity = 1000 },
        ],
        [
            new WalkingStreet("walk-1", "Phố đi bộ", "Walking street", Zone, ["Đinh Tiên Hoàng"],
                [[Lat + 3 * Per100M, Lon], [Lat + 6 * Per100M, Lon]], [new WeeklyWindow("friday 19:00", "sunday 24:00")], ["junction-1"]),
        ]);

    private readonly Dictionary<string, ObservedEntity> _members = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SilentSensor> _silent = new(StringComparer.Ordinal);

    public ConditionTracker Tracker { get; } = new();

    public ThresholdPacks Packs { get; set; } = ThresholdPacks.Defaults;

    public DateTimeOffset Now { get; private set; } = new(2026, 7, 1, 17, 0, 0, TimeSpan.FromHours(7));

    public IReadOnlyList<Finding> Findings { get; private set; } = [];

    public IReadOnlyList<AlertTransition> Transitions { get; private set; } = [];

    private static Sensor Sensor(string id, string kind, double lat, string? parent = null) =>
        new(id, id, id, lat, Lon, Zone, kind, parent, 60, []);

    public RuleScenario Set(string id, string kind, params (string Name, double Value)[] figures) =>
        SetWithStatus(id, kind, EntityStatus.Ok, figures);

    public RuleScenario SetWithStatus(string id, string kind, EntityStatus status, params (string Name, double Value)[] figures)
    {
        _members[id] = new ObservedEntity(id, kind, status, Now, figures.ToDictionary(f => f.Name, f => f.Value));
        return this;
    }

    public RuleScenario Silent(string sensorId, HealthState health, DateTimeOffset since)
    {
        _silent[sensorId] = new SilentSensor(sensorId, health, since);
        return this;
    }

    public RuleScenario Heard(string sensorId)
    {
        _silent.Remove(sensorId);
        return this;
    }

    /// <summary>Sets the clock (city time matters to the walking streets' hours) without evaluating.</summary>
    public RuleScenario At(DateTimeOffset moment)
    {
        Now = moment;
        return this;
    }

    /// <summary>Moves the clock on, then evaluates once.</summary>
    public RuleScenario Step(TimeSpan? advance = null)
    {
        Now += advance ?? TimeSpan.Zero;
        var observation = new ZoneObservation(Zone, Now, [.. _members.Values], [.. _silent.Values]);
        Findings = ZoneRuleEngine.Evaluate(new RuleContext(Catalog, Packs, observation, Tracker.HeldLevel));
        Transitions = Tracker.Observe(Findings, Now, rule => ZoneRuleEngine.MinimumDuration(rule, Packs),
            TimeSpan.FromMinutes(Packs.Alerting.ClearHoldMinutes));
        return this;
    }

    public Finding? Firing(string ruleId, string scope) =>
        Findings.FirstOrDefault(f => f.RuleId == ruleId && f.Scope == scope && f.Verdict == Verdict.Firing);

    public Verdict VerdictOf(string ruleId, string scope) =>
        Findings.FirstOrDefault(f => f.RuleId == ruleId && f.Scope == scope)?.Verdict ?? Verdict.Clear;

    /// <summary>The kinds of transition this step produced for one key, in order.</summary>
    public TransitionKind[] TransitionsOf(string ruleId, string scope) =>
        [.. Transitions.Where(t => t.Key == Finding.KeyOf(ruleId, scope)).Select(t => t.Kind)];

    public int Held(string ruleId, string scope) => Tracker.HeldLevel(Finding.KeyOf(ruleId, scope));
}
