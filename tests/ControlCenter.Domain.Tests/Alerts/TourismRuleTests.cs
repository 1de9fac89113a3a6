using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Tests.Alerts;

/// <summary>The tourism rules: a crowded point, a crowd in poor air, a jam at a walking street's edge, rain on walkers.</summary>
public class TourismRuleTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(7);
    // 2026-07-01 is a Wednesday; the 3rd a Friday, the 4th a Saturday, the 5th a Sunday.
    private static readonly DateTimeOffset Wednesday = new(2026, 7, 1, 20, 0, 0, CityOffset);
    private static readonly DateTimeOffset FridayNight = new(2026, 7, 3, 20, 0, 0, CityOffset);
    private static readonly DateTimeOffset SaturdayNight = new(2026, 7, 4, 21, 0, 0, CityOffset);

    private static RuleScenario Crowd(RuleScenario s, double ratio) =>
        s.Set("visitors-1", SensorKinds.VisitorCounter, ("crowdingRatio", ratio), ("present", ratio * 1000), ("capacity", 1000));

    private static RuleScenario Air(RuleScenario s, double aqi) => s.Set("air-1", SensorKinds.Air, ("aqi", aqi));

    private static RuleScenario Rain(RuleScenario s, double r1h, double? r30 = null) =>
        s.Set("rain-1", SensorKinds.Rain, ("rain30MinMm", r30 ?? r1h / 2), ("rain1hMm", r1h), ("rain3hMm", r1h));

    [TestCase(0.79, 0)]
    [TestCase(0.8, 1)]
    [TestCase(0.99, 1)]
    [TestCase(1.0, 2)]
    [TestCase(1.4, 2)]
    public void Overcrowded_LevelsFollowTheShareOfCapacity(double ratio, int level)
    {
        var s = Crowd(new RuleScenario(), ratio).Step();
        Assert.That(s.Firing(Overcrowded, "visitors-1")?.Level ?? 0, Is.EqualTo(level));
    }

    [Test]
    public void Overcrowded_WaitsOutTheMinimumDuration_ThenRaisesWithEvidence()
    {
        var s = Crowd(new RuleScenario(), 1.05).Step();
        Assert.That(s.TransitionsOf(Overcrowded, "visitors-1"), Is.Empty, "a passing tour group does not raise");
        s.Step(TimeSpan.FromMinutes(s.Packs.Tourism.CrowdedMinutesBeforeAlert));
        Assert.That(s.TransitionsOf(Overcrowded, "visitors-1"), Is.EqualTo(new[] { TransitionKind.Raise }));
        var finding = s.Firing(Overcrowded, "visitors-1")!;
        Assert.That(finding.Severity, Is.EqualTo(Severities.Major));
        Assert.That(finding.Evidence.Select(e => (e.Metric, e.Value)), Does.Contain(("crowdingRatio", 1.05)).And.Contain(("present", 1050.0)));
    }

    [Test]
    public void Overcrowded_HoldsWithinTheMargin_ClearsBelowIt()
    {
        var s = Crowd(new RuleScenario(), 0.85).Step().Step(TimeSpan.FromMinutes(10));
        Assert.That(s.Held(Overcrowded, "visitors-1"), Is.EqualTo(1));
        Crowd(s, 0.76).Step(Tick);
        Assert.That(s.Firing(Overcrowded, "visitors-1"), Is.Not.Null, "0.76 is within 0.05 of the crowded line");
        Crowd(s, 0.74).Step(Tick);
        Assert.That(s.VerdictOf(Overcrowded, "visitors-1"), Is.EqualTo(Verdict.Clear));
    }

    [Test]
    public void Overcrowded_SilentCounter_IsUnknown()
    {
        var s = new RuleScenario().SetWithStatus("visitors-1", SensorKinds.VisitorCounter, Derived.EntityStatus.Stale, ("crowdingRatio", 1.2)).Step();
        Assert.That(s.VerdictOf(Overcrowded, "visitors-1"), Is.EqualTo(Verdict.Unknown));
        Assert.That(s.VerdictOf(CrowdAir, "visitors-1"), Is.EqualTo(Verdict.Unknown));
    }

    [TestCase(0.6, 120, "minor")]
    [TestCase(0.6, 170, "major")]
    [TestCase(0.3, 170, null)]
    [TestCase(0.9, 90, null)]
    public void CrowdAir_ABusyPointInPoorAir_AdvisesVisitors(double ratio, double aqi, string? severity)
    {
        var s = Air(Crowd(new RuleScenario(), ratio), aqi).Step();
        var advisory = s.Firing(CrowdAir, "visitors-1");
        Assert.That(advisory?.Severity, Is.EqualTo(severity));
        if (advisory is null) return;
        Assert.That(advisory.ChildKeys, Does.Contain("air.aqi-poor/air-1"));
        Assert.That(advisory.EntityIds, Is.EquivalentTo(new[] { "visitors-1", "air-1" }));
    }

    [Test]
    public void CrowdAir_GroupsTheOvercrowdingAlertToo()
    {
        var s = Air(Crowd(new RuleScenario(), 1.1), 130).Step();
        Assert.That(s.Firing(CrowdAir, "visitors-1")!.ChildKeys, Is.EquivalentTo(new[] { "air.aqi-poor/air-1", "tourism.overcrowded/visitors-1" }));
    }

    [Test]
    public void CrowdAir_AirStationGoneSilent_HoldsRatherThanClears()
    {
        var s = Air(Crowd(new RuleScenario(), 0.6), 170).Step();
        Assert.That(s.Held(CrowdAir, "visitors-1"), Is.EqualTo(1));
        s.SetWithStatus("air-1", SensorKinds.Air, Derived.EntityStatus.Offline, ("aqi", 170)).Step(Tick);
        Assert.That(s.VerdictOf(CrowdAir, "visitors-1"), Is.EqualTo(Verdict.Unknown));
    }

    [Test]
    public void WalkingStreetTraffic_OpenAndItsEdgeJunctionJammed_RaisesAfterTheJamMinutes()
    {
        var s = new RuleScenario().At(FridayNight).Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step();
        var diversion = s.Firing(WalkingStreetTraffic, "walk-1");
        Assert.That(diversion, Is.Not.Null);
        Assert.That(diversion!.Severity, Is.EqualTo(Severities.Major));
        Assert.That(diversion.ChildKeys, Is.EqualTo(new[] { "traffic.jam/junction-1" }));
        Assert.That(diversion.Evidence.Select(e => (e.EntityId, e.Metric)), Does.Contain(("walk-1", "walkingStreetOpen")).And.Contain(("junction-1", "jammed")));
        Assert.That(s.TransitionsOf(WalkingStreetTraffic, "walk-1"), Is.Empty);
        s.Step(TimeSpan.FromMinutes(s.Packs.Traffic.JamMinutesBeforeAlert));
        Assert.That(s.TransitionsOf(WalkingStreetTraffic, "walk-1"), Is.EqualTo(new[] { TransitionKind.Raise }));
    }

    [Test]
    public void WalkingStreetTraffic_OnAWeekday_AJamIsOnlyAJam()
    {
        var s = new RuleScenario().At(Wednesday).Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Step();
        Assert.That(s.Firing(TrafficJam, "junction-1"), Is.Not.Null);
        Assert.That(s.VerdictOf(WalkingStreetTraffic, "walk-1"), Is.EqualTo(Verdict.Clear));
    }

    [TestCase(6, 6, "minor")]   // half an hour at a heavy rate
    [TestCase(6, 12, "major")]  // an hour of heavy rain
    [TestCase(30, 55, "critical")]
    public void RainWalkingStreet_HeavyRainWhileOpen_TakesTheRainsSeverity(double rain30Min, double rain1h, string severity)
    {
        var s = Rain(new RuleScenario().At(SaturdayNight), rain1h, rain30Min).Step();
        var warning = s.Firing(RainWalkingStreet, "walk-1");
        Assert.That(warning?.Severity, Is.EqualTo(severity));
        Assert.That(warning!.ChildKeys, Is.EqualTo(new[] { "rain.heavy/rain-1" }));
    }

    [Test]
    public void RainWalkingStreet_ClearsWhenTheStreetClosesAtSundayMidnight()
    {
        var s = Rain(new RuleScenario().At(new DateTimeOffset(2026, 7, 5, 23, 59, 0, CityOffset)), 20).Step();
        Assert.That(s.Firing(RainWalkingStreet, "walk-1"), Is.Not.Null);
        s.Step(TimeSpan.FromMinutes(1));
        Assert.That(s.Firing(HeavyRain, "rain-1"), Is.Not.Null, "the rain goes on");
        Assert.That(s.VerdictOf(RainWalkingStreet, "walk-1"), Is.EqualTo(Verdict.Clear));
        Assert.That(s.TransitionsOf(RainWalkingStreet, "walk-1"), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
    }

    [Test]
    public void RainWalkingStreet_GaugeSilentWhileHeld_IsUnknown()
    {
        var s = Rain(new RuleScenario().At(SaturdayNight), 20).Step();
        s.SetWithStatus("rain-1", SensorKinds.Rain, Derived.EntityStatus.Stale, ("rain1hMm", 20)).Step(Tick);
        Assert.That(s.VerdictOf(RainWalkingStreet, "walk-1"), Is.EqualTo(Verdict.Unknown));
    }

    [Test]
    public void EveryTourismRule_HasBilingualTitlesAndASop()
    {
        foreach (var id in new[] { Overcrowded, CrowdAir, WalkingStreetTraffic, RainWalkingStreet })
        {
            var rule = AlertRules.Get(id);
            Assert.That(rule.Domains, Does.Contain(AlertDomains.Tourism), id);
            Assert.That(rule.Sop, Has.Count.GreaterThanOrEqualTo(3), id);
            Assert.That(rule.Sop.All(step => step.Vi.Length > 0 && step.En.Length > 0), id);
        }
    }
}
