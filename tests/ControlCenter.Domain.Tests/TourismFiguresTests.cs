using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests;

/// <summary>Crowding levels and the walking streets' weekly hours in city time.</summary>
public class TourismFiguresTests
{
    private static readonly TimeSpan CityOffset = TimeSpan.FromHours(7);
    private static readonly WalkingStreet Lake = new("ws", "Phố đi bộ", "Walking street", "z", [], [[21, 105], [21.1, 105]],
        [new WeeklyWindow("friday 19:00", "sunday 24:00")], []);

    [TestCase(0, "comfortable", 0)]
    [TestCase(499, "comfortable", 0)]
    [TestCase(500, "busy", 1)]
    [TestCase(800, "crowded", 2)]
    [TestCase(1000, "overcrowded", 3)]
    [TestCase(2500, "overcrowded", 3)]
    public void Crowding_LevelsByShareOfCapacity(double present, string level, int rank)
    {
        var crowding = Crowding.Of(present, 1000, ThresholdPacks.Defaults.Tourism);
        Assert.That((crowding.Level, crowding.Rank), Is.EqualTo((level, rank)));
        Assert.That(crowding.Ratio, Is.EqualTo(present / 1000).Within(1e-9));
    }

    [Test]
    public void Crowding_StatusIsWarningWhenCrowded_AlertWhenOvercrowded()
    {
        var pack = ThresholdPacks.Defaults.Tourism;
        Assert.That(Crowding.Of(600, 1000, pack).Status, Is.EqualTo(EntityStatus.Ok));
        Assert.That(Crowding.Of(850, 1000, pack).Status, Is.EqualTo(EntityStatus.Warning));
        Assert.That(Crowding.Of(1000, 1000, pack).Status, Is.EqualTo(EntityStatus.Alert));
    }

    [TestCase(2026, 7, 3, 18, 59, false)] // Friday just before
    [TestCase(2026, 7, 3, 19, 0, true)]
    [TestCase(2026, 7, 4, 4, 0, true)]    // Saturday small hours: open all weekend
    [TestCase(2026, 7, 5, 23, 59, true)]
    [TestCase(2026, 7, 6, 0, 0, false)]   // Monday
    [TestCase(2026, 7, 1, 20, 0, false)]  // Wednesday evening
    public void WalkingHours_FridayEveningToSundayMidnight_InCityTime(int y, int mo, int d, int h, int mi, bool open) =>
        Assert.That(WalkingHours.IsOpen(Lake, new DateTimeOffset(y, mo, d, h, mi, 0, CityOffset)), Is.EqualTo(open));

    [Test]
    public void WalkingHours_ReadCityTime_NotUtc()
    {
        // 12:00 UTC on Friday is 19:00 in Hà Nội.
        Assert.That(WalkingHours.IsOpen(Lake, new DateTimeOffset(2026, 7, 3, 12, 0, 0, TimeSpan.Zero)), Is.True);
        Assert.That(WalkingHours.IsOpen(Lake, new DateTimeOffset(2026, 7, 3, 11, 59, 0, TimeSpan.Zero)), Is.False);
    }

    [Test]
    public void WalkingHours_AWindowAcrossTheWeeksTurn()
    {
        var lateSunday = Lake with { Hours = [new WeeklyWindow("sunday 22:00", "monday 02:00")] };
        Assert.That(WalkingHours.IsOpen(lateSunday, new DateTimeOffset(2026, 7, 5, 23, 0, 0, CityOffset)), Is.True);
        Assert.That(WalkingHours.IsOpen(lateSunday, new DateTimeOffset(2026, 7, 6, 1, 0, 0, CityOffset)), Is.True);
        Assert.That(WalkingHours.IsOpen(lateSunday, new DateTimeOffset(2026, 7, 6, 2, 0, 0, CityOffset)), Is.False);
    }

    [Test]
    public void WalkingHours_NextChange_IsTheComingOpeningOrClosing()
    {
        Assert.That(WalkingHours.NextChange(Lake, new DateTimeOffset(2026, 7, 1, 20, 0, 0, CityOffset)),
            Is.EqualTo(new DateTimeOffset(2026, 7, 3, 19, 0, 0, CityOffset)));
        Assert.That(WalkingHours.NextChange(Lake, new DateTimeOffset(2026, 7, 4, 9, 30, 0, CityOffset)),
            Is.EqualTo(new DateTimeOffset(2026, 7, 6, 0, 0, 0, CityOffset)));
    }

    [TestCase("friday 19:00", true)]
    [TestCase("Sunday 24:00", true)]
    [TestCase("sunday 24:01", false)]
    [TestCase("funday 19:00", false)]
    [TestCase("5 19:00", false)]
    [TestCase("friday 7pm", false)]
    [TestCase("friday", false)]
    [TestCase("", false)]
    public void WalkingHours_ParsesOnlyDayAndClock(string text, bool valid) =>
        Assert.That(WalkingHours.Parse(text) is not null, Is.EqualTo(valid));
}
