using System.Text.Json;
using ControlCenter.Scenarios.Day;
using ControlCenter.Scenarios.Ingest;

namespace ControlCenter.Host.Tests.Simulator;

/// <summary>
/// The visitor counters of the simulator's normal day over a whole city week (Monday 30 November 2026, minute by
/// minute, after a day to settle), on the shipped catalogue: no host, only the pattern.
/// </summary>
public class SimulatorVisitorWeekTests
{
    private static readonly TimeSpan Hanoi = TimeSpan.FromHours(7);
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, Hanoi);
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly Lazy<Catalog> Shipped = new(() => JsonSerializer.Deserialize<Catalog>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json")), Web)!);
    private static readonly Lazy<Dictionary<string, List<Sample>>> Week = new(() => PlayWeek(seed: 4));

    private sealed record Sample(DateTimeOffset At, double Present, double Entries);

    private static List<CatalogSensor> Counters => [.. Shipped.Value.Sensors.Where(s => s.Kind == "visitor-counter")];

    private static int CapacityOf(string id) => Counters.Single(s => s.Id == id).Capacity!.Value;

    private static Dictionary<string, List<Sample>> PlayWeek(int seed)
    {
        var day = new NormalDay(Shipped.Value, seed);
        var samples = Counters.ToDictionary(s => s.Id, _ => new List<Sample>());
        for (var at = Monday.AddDays(-1); at < Monday.AddDays(7); at = at.AddMinutes(1))
        {
            foreach (var sensor in Counters)
            {
                var values = day.ReadingOf(sensor, at, at).Values;
                if (at >= Monday) samples[sensor.Id].Add(new Sample(at, values["present"], values["entries"]));
            }
        }

        return samples;
    }

    private static Sample At(string sensorId, DayOfWeek day, int hour, int minute = 0) =>
        Week.Value[sensorId].Single(s => s.At.DayOfWeek == day && s.At.Hour == hour && s.At.Minute == minute);

    [Test]
    public void Week_EveryCounter_EntriesCoverTheRise_PresentMovesSmoothly_NeverAboveOneAndAHalfCapacity()
    {
        foreach (var (id, samples) in Week.Value)
        {
            var capacity = CapacityOf(id);
            Assert.That(samples.Max(s => s.Present), Is.LessThanOrEqualTo(1.5 * capacity), id);
            Assert.That(samples.Count(s => !IsWholeCount(s.Present) || !IsWholeCount(s.Entries)), Is.Zero, $"{id}: whole numbers of people");
            var steps = samples.Zip(samples.Skip(1)).ToList();
            Assert.That(steps.Count(p => p.Second.Entries < p.Second.Present - p.First.Present), Is.Zero, $"{id}: people came in to make every rise");
            Assert.That(steps.Max(p => Math.Abs(p.Second.Present - p.First.Present)), Is.LessThanOrEqualTo(0.05 * capacity), $"{id}: no jump in a minute");
        }
    }

    private static bool IsWholeCount(double value) => value >= 0 && Math.Floor(value) == value;

    [Test]
    public void Week_TheLake_WalkingStreetNightsFullerThanWeekdayNights_ButNotOvercrowded()
    {
        foreach (var id in new[] { "vc-ho-guom-the-huc", "vc-ho-guom-trang-tien" })
        {
            var capacity = CapacityOf(id);
            var saturday = At(id, DayOfWeek.Saturday, 21);
            var tuesday = At(id, DayOfWeek.Tuesday, 21);
            Assert.That(saturday.Present, Is.GreaterThan(1.8 * tuesday.Present), $"{id}: Saturday night against Tuesday night");
            Assert.That(saturday.Present, Is.GreaterThanOrEqualTo(0.5 * capacity), $"{id}: busy on a Saturday night");
            Assert.That(tuesday.Present, Is.LessThan(0.5 * capacity), $"{id}: a weekday night is comfortable");
            var weekend = Week.Value[id].Where(s => s.At.DayOfWeek is DayOfWeek.Friday or DayOfWeek.Saturday or DayOfWeek.Sunday);
            Assert.That(weekend.Max(s => s.Present), Is.LessThan(capacity), $"{id}: a normal weekend is never overcrowded");
        }
    }

    [Test]
    public void Week_TheNightMarket_BusyOnlyOnItsNights()
    {
        var capacity = CapacityOf("vc-cho-dem-dong-xuan");
        Assert.That(At("vc-cho-dem-dong-xuan", DayOfWeek.Saturday, 21).Present, Is.GreaterThanOrEqualTo(0.5 * capacity));
        var weekdays = Week.Value["vc-cho-dem-dong-xuan"].Where(s => s.At.DayOfWeek is >= DayOfWeek.Monday and <= DayOfWeek.Thursday);
        Assert.That(weekdays.Max(s => s.Present), Is.LessThan(0.2 * capacity), "Monday to Thursday there is no market");
    }

    [Test]
    public void Week_VanMieuAndBaDinh_BusyInTheMorning_ShutAtNight()
    {
        foreach (var (id, hour) in new[] { ("vc-van-mieu", 9), ("vc-quang-truong-ba-dinh", 9) })
        {
            Assert.That(At(id, DayOfWeek.Wednesday, hour, 30).Present, Is.GreaterThanOrEqualTo(0.5 * CapacityOf(id)), $"{id}: a Wednesday morning");
            Assert.That(At(id, DayOfWeek.Wednesday, 15).Present, Is.LessThan(At(id, DayOfWeek.Wednesday, hour, 30).Present), $"{id}: the afternoon is quieter");
        }

        var vanMieuNights = Week.Value["vc-van-mieu"].Where(s => s.At.Hour is >= 19 or < 8).ToList();
        Assert.That(vanMieuNights.Select(s => (s.Present, s.Entries)), Has.All.EqualTo((0.0, 0.0)), "Văn Miếu's gates are shut 17:00–08:00; empty by 19:00");
        var squareNights = Week.Value["vc-quang-truong-ba-dinh"].Where(s => s.At.Hour is >= 1 and < 5);
        Assert.That(squareNights.Select(s => (s.Present, s.Entries)), Has.All.EqualTo((0.0, 0.0)), "Ba Đình square is shut 22:00–05:00");
    }

    [Test]
    public void Week_SameSeed_SameCounts()
    {
        var again = PlayWeek(seed: 4);
        Assert.That(again.Keys, Is.EquivalentTo(Week.Value.Keys));
        foreach (var id in again.Keys) Assert.That(again[id], Is.EqualTo(Week.Value[id]), id);
    }
}
