using ControlCenter.Domain.Parking;

namespace ControlCenter.Domain.Tests.Parking;

/// <summary>The fee function against the example tariff, Hanoi time (UTC+7, no daylight saving).</summary>
public class FeeCalculatorTests
{
    private static readonly TimeZoneInfo Hanoi = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
    private static readonly Tariff Tariff = ExampleTariff.Build();

    private static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) => new(2026, 11, day, hour, minute, second, TimeSpan.FromHours(7));

    private static Fee Fee(string vehicle, DateTimeOffset start, DateTimeOffset end) => FeeCalculator.Compute(start, end, Tariff.Vehicles[vehicle], Hanoi);

    // Car: day (06–18) 30,000 for the first hour then 20,000 per started hour; night 40,000 then 25,000; cap 300,000 a day.
    public static readonly object[] CarCases =
    [
        new object[] { "no time at all", At(2, 10), At(2, 10), 0L, 0 },
        new object[] { "one second is one minute, the first block", At(2, 10), At(2, 10, 0, 1), 30_000L, 1 },
        new object[] { "exactly the first block", At(2, 10), At(2, 11), 30_000L, 60 },
        new object[] { "a second past it starts an hour", At(2, 10), At(2, 11, 0, 1), 50_000L, 61 },
        new object[] { "two and a half hours", At(2, 10), At(2, 12, 30), 70_000L, 150 },
        new object[] { "an hour starting at 18:30 is a night hour", At(2, 17, 30), At(2, 19), 55_000L, 90 },
        new object[] { "starting at 18:00 is the night's first block", At(2, 18), At(2, 18, 30), 40_000L, 30 },
        new object[] { "starting at 17:59:59 is still day", At(2, 17, 59, 59), At(2, 18, 30), 30_000L, 31 },
        new object[] { "across midnight, each charge in its own day", At(2, 23), At(3, 0, 30), 65_000L, 90 },
        new object[] { "a long day is capped", At(2, 8), At(2, 22), 300_000L, 840 },
        new object[] { "the cap starts afresh at midnight", At(2, 8), At(4, 8), 790_000L, 2880 },
    ];

    [TestCaseSource(nameof(CarCases))]
    public void Car(string name, DateTimeOffset start, DateTimeOffset end, long expectedVnd, int expectedMinutes)
    {
        var fee = Fee(VehicleTypes.Car, start, end);
        Assert.That((fee.TotalVnd, fee.Minutes), Is.EqualTo((expectedVnd, expectedMinutes)), name);
        Assert.That(fee.Days.Sum(d => d.CappedVnd), Is.EqualTo(fee.TotalVnd), "the days add up to the total");
    }

    [Test]
    public void Breakdown_NamesEveryChargeWithItsBand()
    {
        var fee = Fee(VehicleTypes.Car, At(2, 17, 30), At(2, 19));
        Assert.That(fee.Lines.Select(l => (l.Kind, l.Band, l.AmountVnd)), Is.EqualTo(new[] { ("first-block", "day", 30_000L), ("hour", "night", 25_000L) }));
        Assert.That(fee.Lines[^1].To, Is.EqualTo(At(2, 19)), "the last line ends at the (rounded) end");
    }

    [Test]
    public void CapByDay_ShowsWhatWasChargedAndWhatTheCapLetThrough()
    {
        var fee = Fee(VehicleTypes.Car, At(2, 8), At(4, 8));
        Assert.That(fee.Days.Select(d => (d.Date.Day, d.ChargedVnd, d.CappedVnd)), Is.EqualTo(new[] { (2, 360_000L, 300_000L), (3, 540_000L, 300_000L), (4, 190_000L, 190_000L) }));
    }

    [TestCase(0, 119, 5_000)]
    [TestCase(0, 121, 8_000)]
    [TestCase(0, 240, 11_000)]
    [TestCase(17, 200, 20_000)]
    public void Motorbike(int startHourOffsetFrom6, int minutes, long expected)
    {
        // From 06:00 + offset: two hours' first block (5,000 by day, 10,000 by night), then 3,000 / 5,000 an hour.
        var start = At(2, 6 + startHourOffsetFrom6 % 18);
        Assert.That(Fee(VehicleTypes.Motorbike, start, start.AddMinutes(minutes)).TotalVnd, Is.EqualTo(expected));
    }

    [Test]
    public void Large_NightIsDearer()
    {
        Assert.That(Fee(VehicleTypes.Large, At(2, 12), At(2, 13)).TotalVnd, Is.EqualTo(50_000));
        Assert.That(Fee(VehicleTypes.Large, At(2, 20), At(2, 21)).TotalVnd, Is.EqualTo(60_000));
    }

    [Test]
    public void EndBeforeStart_IsRefused() =>
        Assert.Throws<ArgumentException>(() => Fee(VehicleTypes.Car, At(2, 12), At(2, 11)));

    [Test]
    public void ExampleTariff_IsMarkedAnExample_AndCoversEveryMinuteOnce()
    {
        Assert.That(Tariff.Example, Is.True);
        Assert.That(Tariff.Problem(), Is.Null);
    }

    [Test]
    public void TariffWithAGapOrOverlap_IsRefused()
    {
        var gap = Tariff with
        {
            Vehicles = new Dictionary<string, VehicleTariff>(Tariff.Vehicles)
            {
                [VehicleTypes.Car] = new([new("day", new(6, 0), new(18, 0), 1, 60, 1), new("night", new(19, 0), new(6, 0), 1, 60, 1)], 100),
            },
        };
        Assert.That(gap.Problem(), Does.Contain("18:00 is covered by 0 bands"));
    }
}
