using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Tests.Alerts;

/// <summary>Each single-domain rule: fires on its line, quiet just under it, steady at it, clears after the hold time.</summary>
public class EntityRuleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(ThresholdPacksHold());

    private static int ThresholdPacksHold() => Thresholds.ThresholdPacks.Defaults.Alerting.ClearHoldMinutes;

    private static RuleScenario Air(double aqi) => new RuleScenario().Set("air-1", SensorKinds.Air, ("aqi", aqi)).Step();

    [TestCase(100, null)]
    [TestCase(101, Severities.Minor)]
    [TestCase(151, Severities.Major)]
    [TestCase(201, Severities.Critical)]
    [TestCase(350, Severities.Critical)]
    public void AirQuality_FiresFromKem_WithSeverityByCategory(double aqi, string? severity) =>
        Assert.That(Air(aqi).Firing(AirQuality, "air-1")?.Severity, Is.EqualTo(severity));

    [Test]
    public void AirQuality_HoveringAtTheLine_DoesNotFlap()
    {
        var s = Air(101);
        Assert.That(s.TransitionsOf(AirQuality, "air-1"), Is.EqualTo(new[] { TransitionKind.Raise }));
        foreach (var aqi in new[] { 99, 102, 97, 100, 101, 96 })
        {
            s.Set("air-1", SensorKinds.Air, ("aqi", aqi)).Step(Tick);
            Assert.That(s.Transitions, Is.Empty, $"AQI {aqi} is within the clear margin of 101");
        }
    }

    [Test]
    public void AirQuality_Clears_ThenResolvesOnlyAfterTheHoldTime()
    {
        var s = Air(120).Set("air-1", SensorKinds.Air, ("aqi", 80)).Step(Tick);
        Assert.That(s.TransitionsOf(AirQuality, "air-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
        s.Step(Hold - Tick);
        Assert.That(s.Transitions, Is.Empty, "not yet clear for the whole hold time");
        s.Step(Tick);
        Assert.That(s.TransitionsOf(AirQuality, "air-1"), Is.EqualTo(new[] { TransitionKind.Resolve }));
    }

    [Test]
    public void AirQuality_FiringAgainWithinTheHold_RaisesTheSameAlertAgain()
    {
        var s = Air(120).Set("air-1", SensorKinds.Air, ("aqi", 80)).Step(Tick);
        s.Set("air-1", SensorKinds.Air, ("aqi", 130)).Step(TimeSpan.FromMinutes(2));
        Assert.That(s.TransitionsOf(AirQuality, "air-1"), Is.EqualTo(new[] { TransitionKind.Raise }));
        s.Step(Hold);
        Assert.That(s.Transitions, Is.Empty, "still firing: nothing resolves");
    }

    [Test]
    public void AirQuality_WorseningCategory_UpdatesTheSeverity()
    {
        var s = Air(120).Set("air-1", SensorKinds.Air, ("aqi", 160)).Step(Tick);
        Assert.That(s.TransitionsOf(AirQuality, "air-1"), Is.EqualTo(new[] { TransitionKind.Update }));
        Assert.That(s.Firing(AirQuality, "air-1")!.Severity, Is.EqualTo(Severities.Major));
    }

    [Test]
    public void StaleData_NeverClearsAnAlert()
    {
        var s = new RuleScenario().Set("flood-far", SensorKinds.Flood, ("depthCm", 25)).Step();
        s.SetWithStatus("flood-far", SensorKinds.Flood, EntityStatus.Stale, ("depthCm", 0)).Step(Tick);
        Assert.That(s.VerdictOf(FloodDepth, "flood-far"), Is.EqualTo(Verdict.Unknown));
        s.Step(Hold * 3);
        Assert.That(s.Transitions, Is.Empty);
        Assert.That(s.Held(FloodDepth, "flood-far"), Is.EqualTo(2));
    }

    [TestCase(4.0, null)]
    [TestCase(3.99, Severities.Warning)]
    [TestCase(2.0, Severities.Warning)]
    [TestCase(1.99, Severities.Critical)]
    public void LowOxygen_WarnsBelow4_CriticalBelow2(double doMgL, string? severity) =>
        Assert.That(new RuleScenario().Set("water-1", SensorKinds.Water, ("do", doMgL)).Step().Firing(LowOxygen, "water-1")?.Severity, Is.EqualTo(severity));

    [Test]
    public void LowOxygen_HoveringAt4_DoesNotFlap_AndClearsAboveTheMargin()
    {
        var s = new RuleScenario().Set("water-1", SensorKinds.Water, ("do", 3.9)).Step();
        foreach (var value in new[] { 4.1, 3.95, 4.2, 4.0 })
            Assert.That(s.Set("water-1", SensorKinds.Water, ("do", value)).Step(Tick).Transitions, Is.Empty, $"DO {value}");
        s.Set("water-1", SensorKinds.Water, ("do", 4.5)).Step(Tick);
        Assert.That(s.TransitionsOf(LowOxygen, "water-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [TestCase("bod5", 6.0, false)]
    [TestCase("bod5", 6.5, true)]
    [TestCase("coliform", 5001, true)]
    [TestCase("nh4", 0.3, false)]
    [TestCase("nh4", 0.31, true)]
    public void LakeClass_FiresBeyondClassB(string metric, double value, bool fires) =>
        Assert.That(new RuleScenario().Set("water-1", SensorKinds.Water, ("do", 7), (metric, value)).Step().Firing(LakeClass, "water-1") is not null, Is.EqualTo(fires));

    [TestCase(4.9, 4.9, 4.9, null)]
    [TestCase(5.0, 5.0, 5.0, Severities.Warning)]
    [TestCase(6, 10, 10, Severities.Major)]
    [TestCase(30, 50, 50, Severities.Major)]
    [TestCase(30, 50.1, 50.1, Severities.Critical)]
    [TestCase(1, 1, 100, null)]
    [TestCase(1, 1, 100.1, Severities.Critical)]
    [TestCase(1, 9.9, 99.9, null)]
    public void HeavyRain_Over30Min1hAnd3h(double r30, double r1h, double r3h, string? severity) =>
        Assert.That(new RuleScenario().Set("rain-1", SensorKinds.Rain, ("rain30MinMm", r30), ("rain1hMm", r1h), ("rain3hMm", r3h)).Step()
            .Firing(HeavyRain, "rain-1")?.Severity, Is.EqualTo(severity));

    [TestCase(9.9, null)]
    [TestCase(10, Severities.Warning)]
    [TestCase(19.9, Severities.Warning)]
    [TestCase(20, Severities.Major)]
    [TestCase(40, Severities.Critical)]
    public void FloodDepth_10_20_40(double depth, string? severity) =>
        Assert.That(new RuleScenario().Set("flood-far", SensorKinds.Flood, ("depthCm", depth)).Step().Firing(FloodDepth, "flood-far")?.Severity, Is.EqualTo(severity));

    [Test]
    public void FloodDepth_HoveringAt20_KeepsMajor()
    {
        var s = new RuleScenario().Set("flood-far", SensorKinds.Flood, ("depthCm", 20)).Step();
        foreach (var depth in new[] { 19.5, 20.4, 18.1, 20 })
            Assert.That(s.Set("flood-far", SensorKinds.Flood, ("depthCm", depth)).Step(Tick).Transitions, Is.Empty, $"{depth} cm");
        s.Set("flood-far", SensorKinds.Flood, ("depthCm", 17.9)).Step(Tick);
        Assert.That(s.TransitionsOf(FloodDepth, "flood-far"), Is.EqualTo(new[] { TransitionKind.Update }));
        Assert.That(s.Firing(FloodDepth, "flood-far")!.Severity, Is.EqualTo(Severities.Warning));
    }

    [Test]
    public void TrafficJam_AlertsOnlyAfterFiveMinutes_AndHoldsWhileStillCongested()
    {
        var s = new RuleScenario().Set("junction-1", EntityKinds.Junction, ("jammed", 1), ("congested", 0)).Step();
        s.Step(TimeSpan.FromMinutes(4) + TimeSpan.FromSeconds(55));
        Assert.That(s.Held(TrafficJam, "junction-1"), Is.Zero, "jammed for less than 5 minutes");
        s.Step(Tick);
        Assert.That(s.TransitionsOf(TrafficJam, "junction-1"), Is.EqualTo(new[] { TransitionKind.Raise }));

        s.Set("junction-1", EntityKinds.Junction, ("jammed", 0), ("congested", 1)).Step(Hold * 2);
        Assert.That(s.Transitions.Where(t => t.Key.StartsWith(TrafficJam, StringComparison.Ordinal)), Is.Empty, "eased to congested is not clear");
        s.Set("junction-1", EntityKinds.Junction, ("jammed", 0), ("congested", 0)).Step(Tick);
        Assert.That(s.TransitionsOf(TrafficJam, "junction-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [Test]
    public void TrafficJam_ShorterThanFiveMinutes_NeverAlerts()
    {
        var s = new RuleScenario().Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step();
        s.Step(TimeSpan.FromMinutes(3)).Set("junction-1", EntityKinds.Junction, ("jammed", 0)).Step(Tick);
        s.Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step(Tick).Step(TimeSpan.FromMinutes(3));
        Assert.That(s.Held(TrafficJam, "junction-1"), Is.Zero, "the clock restarts when the jam breaks");
    }

    [Test]
    public void LotFull_At95Percent_ForFiveMinutes_ClearsBelow90()
    {
        static (string, double)[] Lot(double occupied) => [("capacity", 20), ("occupied", occupied), ("unknown", 0)];
        var s = new RuleScenario().Set("lot-near", EntityKinds.ParkingLot, Lot(19)).Step();
        s.Step(TimeSpan.FromMinutes(5));
        Assert.That(s.TransitionsOf(LotFull, "lot-near"), Is.EqualTo(new[] { TransitionKind.Raise }));
        Assert.That(s.Set("lot-near", EntityKinds.ParkingLot, Lot(18)).Step(Tick).Transitions, Is.Empty, "90 % is still held full");
        s.Set("lot-near", EntityKinds.ParkingLot, Lot(17)).Step(Tick);
        Assert.That(s.TransitionsOf(LotFull, "lot-near"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [Test]
    public void LotFull_At94Percent_IsQuiet() =>
        Assert.That(new RuleScenario().Set("lot-near", EntityKinds.ParkingLot, ("capacity", 100), ("occupied", 94), ("unknown", 0)).Step()
            .Step(TimeSpan.FromMinutes(10)).Held(LotFull, "lot-near"), Is.Zero);

    [Test]
    public void SensorSilent_StaleWarns_OfflineIsMinor_BackClears()
    {
        var s = new RuleScenario();
        s.Silent("spot-1", HealthState.Stale, s.Now).Step();
        Assert.That(s.Firing(SensorSilent, "spot-1")!.Severity, Is.EqualTo(Severities.Warning));
        Assert.That(s.Held(SensorSilent, "spot-1"), Is.Zero, "it waits out the outage window first");
        s.Step(TimeSpan.FromSeconds(60));
        Assert.That(s.TransitionsOf(SensorSilent, "spot-1"), Is.EqualTo(new[] { TransitionKind.Raise }));
        s.Silent("spot-1", HealthState.Offline, s.Now).Step(TimeSpan.FromMinutes(10));
        Assert.That(s.TransitionsOf(SensorSilent, "spot-1"), Is.EqualTo(new[] { TransitionKind.Update }));
        Assert.That(s.Firing(SensorSilent, "spot-1")!.Severity, Is.EqualTo(Severities.Minor));
        s.Heard("spot-1").Step(Tick);
        Assert.That(s.TransitionsOf(SensorSilent, "spot-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [Test]
    public void RulesReadThePacks_AChangedLineMovesTheAlert()
    {
        var s = new RuleScenario { Packs = Thresholds.ThresholdPacks.Defaults with { Flood = new() { WarningCm = 5, MajorCm = 15, CriticalCm = 30 } } };
        Assert.That(s.Set("flood-far", SensorKinds.Flood, ("depthCm", 16)).Step().Firing(FloodDepth, "flood-far")?.Severity, Is.EqualTo(Severities.Major));
    }
}
