using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Tests.Alerts;

/// <summary>Every rule, the same way: raised on its evidence, resolved only once clear for the whole hold time.</summary>
public class HoldTimeTests
{
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(Thresholds.ThresholdPacks.Defaults.Alerting.ClearHoldMinutes);

    public sealed record Case(string RuleId, string Scope, Action<RuleScenario> Fire, Action<RuleScenario> Calm)
    {
        public override string ToString() => RuleId;
    }

    private static void Rain(RuleScenario s, double r1h) =>
        s.Set("rain-1", SensorKinds.Rain, ("rain30MinMm", r1h / 2), ("rain1hMm", r1h), ("rain3hMm", r1h));

    public static readonly Case[] Cases =
    [
        new(AirQuality, "air-1", s => s.Set("air-1", SensorKinds.Air, ("aqi", 180)), s => s.Set("air-1", SensorKinds.Air, ("aqi", 60))),
        new(LowOxygen, "water-1", s => s.Set("water-1", SensorKinds.Water, ("do", 1.5)), s => s.Set("water-1", SensorKinds.Water, ("do", 6))),
        new(LakeClass, "water-1", s => s.Set("water-1", SensorKinds.Water, ("do", 6), ("cod", 40)), s => s.Set("water-1", SensorKinds.Water, ("do", 6), ("cod", 8))),
        new(HeavyRain, "rain-1", s => Rain(s, 30), s => Rain(s, 0)),
        new(FloodDepth, "flood-far", s => s.Set("flood-far", SensorKinds.Flood, ("depthCm", 45)), s => s.Set("flood-far", SensorKinds.Flood, ("depthCm", 0))),
        new(TrafficJam, "junction-1", s => s.Set("junction-1", EntityKinds.Junction, ("jammed", 1)), s => s.Set("junction-1", EntityKinds.Junction, ("jammed", 0), ("congested", 0))),
        new(LotFull, "lot-near", s => s.Set("lot-near", EntityKinds.ParkingLot, ("capacity", 20), ("occupied", 20), ("unknown", 0)),
            s => s.Set("lot-near", EntityKinds.ParkingLot, ("capacity", 20), ("occupied", 5), ("unknown", 0))),
        new(SensorSilent, "spot-1", s => s.Silent("spot-1", HealthState.Stale, s.Now), s => s.Heard("spot-1")),
        new(StormFlooding, RuleScenario.Zone, s => { Rain(s, 30); s.Set("flood-far", SensorKinds.Flood, ("depthCm", 30)); },
            s => { Rain(s, 0); s.Set("flood-far", SensorKinds.Flood, ("depthCm", 0)); }),
        new(FloodTraffic, "junction-1", s => s.Set("flood-near", SensorKinds.Flood, ("depthCm", 15)).Set("junction-1", EntityKinds.Junction, ("congested", 1)),
            s => s.Set("flood-near", SensorKinds.Flood, ("depthCm", 0)).Set("junction-1", EntityKinds.Junction, ("congested", 0))),
        new(FloodParking, "lot-near", s => s.Set("flood-near", SensorKinds.Flood, ("depthCm", 25)), s => s.Set("flood-near", SensorKinds.Flood, ("depthCm", 0))),
        new(TrafficAir, "air-1", s => s.Set("junction-1", EntityKinds.Junction, ("jammed", 1)).Set("air-1", SensorKinds.Air, ("aqi", 90), ("aqiChange1h", 20)),
            s => s.Set("junction-1", EntityKinds.Junction, ("jammed", 0)).Set("air-1", SensorKinds.Air, ("aqi", 60), ("aqiChange1h", -5))),
        new(RainLake, "water-1", s => { Rain(s, 30); s.Set("water-1", SensorKinds.Water, ("do", 4), ("doDrop3h", 3)); },
            s => { Rain(s, 0); s.Set("water-1", SensorKinds.Water, ("do", 6), ("doDrop3h", 0)); }),
        new(ZoneOutage, RuleScenario.Zone, s => s.Silent("spot-1", HealthState.Stale, s.Now).Silent("spot-2", HealthState.Stale, s.Now).Silent("spot-3", HealthState.Stale, s.Now),
            s => s.Heard("spot-1").Heard("spot-2").Heard("spot-3")),
    ];

    [TestCaseSource(nameof(Cases))]
    public void EveryRule_RaisesOnItsEvidence_AndResolvesOnlyAfterTheHoldTime(Case c)
    {
        var s = new RuleScenario();
        c.Fire(s);
        // Long enough for any minimum duration (a jam needs 5 minutes).
        s.Step().Step(TimeSpan.FromMinutes(6));
        Assert.That(s.Held(c.RuleId, c.Scope), Is.GreaterThan(0), "raised");

        c.Calm(s);
        s.Step(TimeSpan.FromSeconds(5));
        Assert.That(s.TransitionsOf(c.RuleId, c.Scope), Is.EqualTo(new[] { TransitionKind.ConditionCleared }));
        s.Step(Hold - TimeSpan.FromSeconds(1));
        Assert.That(s.TransitionsOf(c.RuleId, c.Scope), Is.Empty, "a second short of the hold time");
        s.Step(TimeSpan.FromSeconds(1));
        Assert.That(s.TransitionsOf(c.RuleId, c.Scope), Is.EqualTo(new[] { TransitionKind.Resolve }));
    }
}
