using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests;

public class DerivedFiguresTests
{
    private static readonly ThresholdPacks Packs = ThresholdPacks.Defaults;

    [Test]
    public void RainFigures_SumOverEachWindow_EndingAtTheLatestReading()
    {
        var end = new DateTimeOffset(2026, 7, 1, 17, 0, 0, TimeSpan.FromHours(7));
        var falls = new[] { (end, 4.0), (end.AddMinutes(-20), 6.0), (end.AddMinutes(-50), 5.0), (end.AddHours(-2), 10.0), (end.AddHours(-3), 99.0) };
        var rain = RainFigures.Compute(falls, end, Packs.Rain);
        Assert.That((rain.Last30MinMm, rain.Last1hMm, rain.Last3hMm), Is.EqualTo((10.0, 15.0, 25.0)));
        Assert.That(rain.Intensity, Is.EqualTo("heavy"));
    }

    [TestCase(0, "none")]
    [TestCase(1, "light")]
    [TestCase(2.5, "moderate")]
    [TestCase(10, "heavy")]
    [TestCase(50.1, "violent")]
    public void RainIntensity_FollowsThePack(double mmPerHour, string intensity) =>
        Assert.That(RainFigures.IntensityOf(mmPerHour, Packs.Rain), Is.EqualTo(intensity));

    [TestCase(9.9, "none")]
    [TestCase(10, "warning")]
    [TestCase(20, "major")]
    [TestCase(40, "critical")]
    public void FloodLevel_FollowsThePack(double depth, string level) =>
        Assert.That(FloodLevel.Of(depth, Packs.Flood), Is.EqualTo(level));

    [Test]
    public void FloodLevel_SiteLevels_OverrideThePack() =>
        Assert.That(FloodLevel.Of(30, Packs.Flood, alertLevelCm: 35, dangerLevelCm: 30), Is.EqualTo("critical"));

    [TestCase(28, 40, LevelOfService.FreeFlowing)]
    [TestCase(20, 40, LevelOfService.Dense)]
    [TestCase(12, 40, LevelOfService.Congested)]
    [TestCase(11.9, 40, LevelOfService.Jammed)]
    public void LevelOfService_BySpeedShare(double speed, double freeFlow, string level) =>
        Assert.That(LevelOfService.Of(speed, freeFlow, Packs.Traffic), Is.EqualTo(level));

    [Test]
    public void LevelOfService_Overall_WeighsApproachesByVolume()
    {
        // A jammed approach carrying most vehicles drags the junction down.
        var approaches = new[] { (5.0, 40.0, 900.0), (40.0, 40.0, 100.0) };
        Assert.That(LevelOfService.Overall(approaches, Packs.Traffic), Is.EqualTo(LevelOfService.Jammed));
    }

    [TestCase(0, HealthState.Ok)]
    [TestCase(179, HealthState.Ok)]
    [TestCase(180, HealthState.Stale)]
    [TestCase(600, HealthState.Offline)]
    public void SensorHealth_ByMissedIntervals(int silentSeconds, HealthState expected)
    {
        var now = DateTimeOffset.UnixEpoch.AddDays(1);
        Assert.That(SensorHealth.Evaluate(now.AddSeconds(-silentSeconds), now, 60, Packs.Health), Is.EqualTo(expected));
    }

    [Test]
    public void Occupancy_FullAt95Percent()
    {
        Assert.That(Occupancy.Of(19, 20, Packs.Parking).Full, Is.True);
        Assert.That(Occupancy.Of(18, 20, Packs.Parking), Is.EqualTo(new Occupancy(20, 18, 2, 0.9, false)));
    }

    [Test]
    public void WaterQuality_OxygenAndClasses()
    {
        var quality = WaterQuality.Assess(new Dictionary<string, double> { ["do"] = 3.5, ["bod5"] = 5, ["cod"] = 20 }, Packs.Water);
        Assert.That(quality.DoLevel, Is.EqualTo("warning"));
        Assert.That(quality.ParameterClasses["bod5"], Is.EqualTo("B"));
        Assert.That(quality.WorstClass, Is.EqualTo("beyond-B"));
        Assert.That(WaterQuality.Assess(new Dictionary<string, double> { ["do"] = 1.5 }, Packs.Water).Status, Is.EqualTo(EntityStatus.Alert));
    }
}
