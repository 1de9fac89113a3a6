using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Readings;

namespace ControlCenter.Domain.Tests;

public class ReadingRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private static readonly CityCatalog Catalog = new("Hà Nội",
        [new Zone("hoan-kiem", "Hoàn Kiếm", "Hoan Kiem", 21, 105)],
        [new ParkingLot("p-1", "Bãi", "Lot", 21, 105, "hoan-kiem", 10, "Lý Thường Kiệt")],
        [],
        [
            new Sensor("rg-1", "Mưa", "Rain", 21, 105, "hoan-kiem", SensorKinds.Rain, null, 300, ["rainMm"]),
            new Sensor("pg-1", "Cổng", "Gate", 21, 105, "hoan-kiem", SensorKinds.ParkingGate, "p-1", 60, ["occupiedCount"]),
            new Sensor("rg-old", "Cũ", "Old", 21, 105, "hoan-kiem", SensorKinds.Rain, null, 300, ["rainMm"]) { Retired = true },
        ]);

    private static string? Code(string sensor, string metric, double value, DateTimeOffset? ts = null) =>
        ReadingRules.Check(Catalog, sensor, ts ?? Now, new Dictionary<string, double> { [metric] = value }, Now, Retention)?.Code;

    [Test]
    public void Check_GoodReading_Passes() => Assert.That(Code("rg-1", "rainMm", 2.5), Is.Null);

    [Test]
    public void Check_Codes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Code("rg-none", "rainMm", 1), Is.EqualTo(RejectionCodes.UnknownSensor));
            Assert.That(Code("rg-old", "rainMm", 1), Is.EqualTo(RejectionCodes.RetiredSensor));
            Assert.That(Code("rg-1", "pm25", 1), Is.EqualTo(RejectionCodes.UnknownMetric));
            Assert.That(Code("rg-1", "rainMm", -0.1), Is.EqualTo(RejectionCodes.OutOfRange));
            Assert.That(Code("rg-1", "rainMm", double.NaN), Is.EqualTo(RejectionCodes.OutOfRange));
            Assert.That(Code("pg-1", "occupiedCount", 11), Is.EqualTo(RejectionCodes.OutOfRange));
            Assert.That(Code("pg-1", "occupiedCount", 2.5), Is.EqualTo(RejectionCodes.OutOfRange));
            Assert.That(Code("rg-1", "rainMm", 1, Now.AddMinutes(6)), Is.EqualTo(RejectionCodes.BadTimestamp));
            Assert.That(Code("rg-1", "rainMm", 1, Now.AddDays(-31)), Is.EqualTo(RejectionCodes.BadTimestamp));
            Assert.That(Code("rg-1", "rainMm", 1, Now.AddMinutes(4)), Is.Null);
        });
    }
}
