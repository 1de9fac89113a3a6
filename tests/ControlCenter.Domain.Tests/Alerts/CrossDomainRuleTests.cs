using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Tests.Alerts;

/// <summary>Each cross-domain rule: fires on the right evidence with its children, quiet just under, holds, clears.</summary>
public class CrossDomainRuleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);

    private static RuleScenario Rain(RuleScenario s, double r1h) =>
        s.Set("rain-1", SensorKinds.Rain, ("rain30MinMm", r1h / 2), ("rain1hMm", r1h), ("rain3hMm", r1h));

    [Test]
    public void StormFlooding_HeavyRainAndMajorDepth_IsOneCriticalAlertGroupingItsChildren()
    {
        var s = Rain(new RuleScenario(), 12).Set("flood-far", SensorKinds.Flood, ("depthCm", 22)).Step();
        var storm = s.Firing(StormFlooding, RuleScenario.Zone);
        Assert.That(storm, Is.Not.Null);
        Assert.That(storm!.Severity, Is.EqualTo(Severities.Critical));
        Assert.That(storm.ChildKeys, Is.EquivalentTo(new[] { "rain.heavy/rain-1", "flood.depth/flood-far" }));
        Assert.That(storm.Evidence.Select(e => (e.EntityId, e.Metric)), Does.Contain(("rain-1", "rain1hMm")).And.Contain(("flood-far", "depthCm")));
        Assert.That(s.TransitionsOf(StormFlooding, RuleScenario.Zone), Is.EqualTo(new[] { TransitionKind.Raise }));
    }

    [TestCase(12, 19.9, false)]
    [TestCase(9.9, 25, false)]
    [TestCase(0, 45, false)]
    [TestCase(10, 20, true)]
    public void StormFlooding_NeedsBothHeavyRainAndMajorDepth(double rain1h, double depth, bool fires)
    {
        var s = new RuleScenario().Set("rain-1", SensorKinds.Rain, ("rain30MinMm", Math.Min(rain1h, 4.9)), ("rain1hMm", rain1h), ("rain3hMm", rain1h))
            .Set("flood-far", SensorKinds.Flood, ("depthCm", depth)).Step();
        Assert.That(s.Firing(StormFlooding, RuleScenario.Zone) is not null, Is.EqualTo(fires));
    }

    [Test]
    public void StormFlooding_OnceFlooded_HoldsAfterTheRainStops_ClearsWhenTheWaterGoes()
    {
        var s = Rain(new RuleScenario(), 15).Set("flood-far", SensorKinds.Flood, ("depthCm", 30)).Step();
        Rain(s, 0).Step(TimeSpan.FromMinutes(30));
        Assert.That(s.Firing(StormFlooding, RuleScenario.Zone), Is.Not.Null, "the street is still under 30 cm");
        s.Set("flood-far", SensorKinds.Flood, ("depthCm", 5)).Step(Tick);
        Assert.That(s.TransitionsOf(StormFlooding, RuleScenario.Zone), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [Test]
    public void StormFlooding_ItsFloodSensorFallingSilent_NeverClearsIt()
    {
        var s = Rain(new RuleScenario(), 15).Set("flood-far", SensorKinds.Flood, ("depthCm", 30)).Step();
        s.SetWithStatus("flood-far", SensorKinds.Flood, EntityStatus.Offline, ("depthCm", 30)).Step(TimeSpan.FromHours(1));
        Assert.That(s.VerdictOf(StormFlooding, RuleScenario.Zone), Is.EqualTo(Verdict.Unknown));
        Assert.That(s.Held(StormFlooding, RuleScenario.Zone), Is.EqualTo(1));
    }

    [Test]
    public void FloodTraffic_ItsFloodSensorFallingSilent_NeverClearsIt()
    {
        var s = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 15))
            .Set("junction-1", EntityKinds.Junction, ("congested", 1)).Step();
        s.SetWithStatus("flood-near", SensorKinds.Flood, EntityStatus.Stale, ("depthCm", 15)).Step(TimeSpan.FromHours(1));
        Assert.That(s.Held(FloodTraffic, "junction-1"), Is.EqualTo(1));
    }

    [Test]
    public void ZoneOutage_ThatSpreads_IsUpdatedToCoverTheNewSensors()
    {
        var s = new RuleScenario();
        var t = s.Now;
        s.Silent("spot-1", HealthState.Stale, t).Silent("spot-2", HealthState.Stale, t).Silent("spot-3", HealthState.Stale, t).Step();
        s.Silent("flood-far", HealthState.Stale, t.AddSeconds(30)).Step(TimeSpan.FromSeconds(30));
        var update = s.Transitions.Single(x => x.Key == Finding.KeyOf(ZoneOutage, RuleScenario.Zone));
        Assert.That(update.Kind, Is.EqualTo(TransitionKind.Update));
        Assert.That(update.Finding!.EntityIds, Does.Contain("flood-far"));
    }

    [Test]
    public void FloodTraffic_FloodedPointNearACongestedJunction()
    {
        var s = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 12))
            .Set("junction-1", EntityKinds.Junction, ("congested", 1), ("jammed", 0)).Step();
        var alert = s.Firing(FloodTraffic, "junction-1");
        Assert.That(alert, Is.Not.Null);
        Assert.That(alert!.ChildKeys, Is.EqualTo(new[] { "flood.depth/flood-near" }));
        Assert.That(alert.EntityIds, Does.Contain("junction-1").And.Contain("flood-near"));
    }

    [Test]
    public void FloodTraffic_QuietWhenTheFloodIsFar_OrTrafficFlows()
    {
        var far = new RuleScenario().Set("flood-far", SensorKinds.Flood, ("depthCm", 30))
            .Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step();
        Assert.That(far.Firing(FloodTraffic, "junction-1"), Is.Null, "3 km away");
        var flowing = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 30))
            .Set("junction-1", EntityKinds.Junction, ("jammed", 0), ("congested", 0)).Step();
        Assert.That(flowing.Firing(FloodTraffic, "junction-1"), Is.Null);
        var shallow = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 9.9))
            .Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step();
        Assert.That(shallow.Firing(FloodTraffic, "junction-1"), Is.Null);
    }

    [Test]
    public void FloodParking_ClosesOnlyTheLotNearMajorDepth()
    {
        var s = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 21)).Step();
        Assert.That(s.Firing(FloodParking, "lot-near"), Is.Not.Null);
        Assert.That(s.Firing(FloodParking, "lot-far"), Is.Null);
        Assert.That(new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 19.9)).Step().Firing(FloodParking, "lot-near"), Is.Null);
    }

    [Test]
    public void FloodParking_StaysClosedWhileItsFloodSensorIsSilent()
    {
        var s = new RuleScenario().Set("flood-near", SensorKinds.Flood, ("depthCm", 25)).Step();
        s.SetWithStatus("flood-near", SensorKinds.Flood, EntityStatus.Offline, ("depthCm", 0)).Step(TimeSpan.FromHours(1));
        Assert.That(s.Held(FloodParking, "lot-near"), Is.EqualTo(1));
        Assert.That(s.TransitionsOf(FloodParking, "lot-near"), Is.Empty);
    }

    [Test]
    public void TrafficAir_JammedJunctionAndRisingAqi()
    {
        var s = new RuleScenario().Set("junction-1", EntityKinds.Junction, ("jammed", 1))
            .Set("air-1", SensorKinds.Air, ("aqi", 90), ("aqiChange1h", 12)).Step().Step(TimeSpan.FromMinutes(5));
        var hotspot = s.Firing(TrafficAir, "air-1");
        Assert.That(hotspot, Is.Not.Null, "the jam has alerted (5 min) and AQI rose by 12");
        Assert.That(hotspot!.ChildKeys, Is.EqualTo(new[] { "traffic.jam/junction-1" }));

        var slow = new RuleScenario().Set("junction-1", EntityKinds.Junction, ("jammed", 1))
            .Set("air-1", SensorKinds.Air, ("aqi", 90), ("aqiChange1h", 9)).Step().Step(TimeSpan.FromMinutes(5));
        Assert.That(slow.Firing(TrafficAir, "air-1"), Is.Null, "a rise of 9 is under the line of 10");
    }

    [Test]
    public void TrafficAir_HoldsWhileTheAirKeepsGettingWorse_ClearsWhenItImproves()
    {
        var s = new RuleScenario().Set("junction-1", EntityKinds.Junction, ("jammed", 1))
            .Set("air-1", SensorKinds.Air, ("aqi", 90), ("aqiChange1h", 15)).Step().Step(TimeSpan.FromMinutes(5));
        s.Set("air-1", SensorKinds.Air, ("aqi", 95), ("aqiChange1h", 3)).Step(Tick);
        Assert.That(s.TransitionsOf(TrafficAir, "air-1"), Is.Empty);
        s.Set("air-1", SensorKinds.Air, ("aqi", 85), ("aqiChange1h", -10)).Step(Tick);
        Assert.That(s.TransitionsOf(TrafficAir, "air-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [TestCase(12, 2.5, true)]
    [TestCase(12, 2.0, false)]
    [TestCase(8, 3.0, false)]
    public void RainLake_HeavyRainAndOxygenFallingFast(double rain1h, double drop, bool fires)
    {
        var s = new RuleScenario().Set("rain-1", SensorKinds.Rain, ("rain30MinMm", rain1h / 2), ("rain1hMm", rain1h), ("rain3hMm", rain1h))
            .Set("water-1", SensorKinds.Water, ("do", 4.5), ("doDrop3h", drop)).Step();
        var alert = s.Firing(RainLake, "water-1");
        Assert.That(alert is not null, Is.EqualTo(fires));
        if (fires) Assert.That(alert!.Severity, Is.EqualTo(Severities.Critical));
    }

    [Test]
    public void ZoneOutage_ThreeSensorsStaleWithinAMinute_IsOneAlertOverThem()
    {
        var s = new RuleScenario();
        var t = s.Now;
        s.Silent("spot-1", HealthState.Stale, t).Silent("spot-2", HealthState.Stale, t.AddSeconds(20)).Silent("flood-far", HealthState.Stale, t.AddSeconds(55)).Step();
        var outage = s.Firing(ZoneOutage, RuleScenario.Zone);
        Assert.That(outage, Is.Not.Null);
        Assert.That(outage!.EntityIds, Is.EquivalentTo(new[] { "spot-1", "spot-2", "flood-far" }));
        Assert.That(outage.ChildKeys, Has.Count.EqualTo(3));
    }

    [Test]
    public void ZoneOutage_QuietForSensorsFailingMinutesApart_OrOnlyTwo()
    {
        var apart = new RuleScenario();
        var t = apart.Now;
        apart.Silent("spot-1", HealthState.Stale, t).Silent("spot-2", HealthState.Stale, t.AddSeconds(61)).Silent("spot-3", HealthState.Stale, t.AddSeconds(122)).Step();
        Assert.That(apart.Firing(ZoneOutage, RuleScenario.Zone), Is.Null);
        var two = new RuleScenario().Silent("spot-1", HealthState.Stale, t).Silent("spot-2", HealthState.Stale, t).Step();
        Assert.That(two.Firing(ZoneOutage, RuleScenario.Zone), Is.Null);
    }

    [Test]
    public void ZoneOutage_HoldsWhileAllButOneStaySilent()
    {
        var s = new RuleScenario();
        var t = s.Now;
        s.Silent("spot-1", HealthState.Stale, t).Silent("spot-2", HealthState.Stale, t).Silent("spot-3", HealthState.Stale, t).Step();
        s.Heard("spot-3").Step(Tick);
        Assert.That(s.TransitionsOf(ZoneOutage, RuleScenario.Zone), Is.EqualTo(new[] { TransitionKind.Update }), "still open, over the two still silent");
        Assert.That(s.Firing(ZoneOutage, RuleScenario.Zone)!.EntityIds, Is.EquivalentTo(new[] { "spot-1", "spot-2" }));
        s.Heard("spot-2").Step(Tick);
        Assert.That(s.TransitionsOf(ZoneOutage, RuleScenario.Zone), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }
}
