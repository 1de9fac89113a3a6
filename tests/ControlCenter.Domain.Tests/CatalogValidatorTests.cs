using ControlCenter.Domain.Catalog;

namespace ControlCenter.Domain.Tests;

public class CatalogValidatorTests
{
    private static CatalogDocument Minimal(params Sensor[] extra)
    {
        var zone = new Zone("hoan-kiem", "Hoàn Kiếm", "Hoan Kiem", 21.03, 105.85);
        var lot = new ParkingLot("p-1", "Bãi 1", "Lot 1", 21.02, 105.85, "hoan-kiem", 1, "Lý Thường Kiệt");
        var spot = new Sensor("ps-1", "Chỗ 1", "Spot 1", 21.02, 105.85, "hoan-kiem", SensorKinds.ParkingSpot, "p-1", 60, ["occupied"]);
        return new CatalogDocument("Hà Nội", [zone], [lot], [], [spot, .. extra]);
    }

    [Test]
    public void Validate_MinimalCatalog_HasNoProblems() => Assert.That(CatalogValidator.Validate(Minimal()), Is.Empty);

    [TestCase("Bad_Id")]
    [TestCase("city")]
    [TestCase("ps-1")]
    public void Validate_BadOrReusedId_IsReported(string id)
    {
        var sensor = new Sensor(id, "Mưa", "Rain", 21, 105, "hoan-kiem", SensorKinds.Rain, null, 300, ["rainMm"]);
        Assert.That(CatalogValidator.Validate(Minimal(sensor)), Has.Some.Contains(id));
    }

    [Test]
    public void Validate_UnknownZoneParentOrMetric_AreReported()
    {
        var problems = CatalogValidator.Validate(Minimal(
            new Sensor("rg-x", "Mưa", "Rain", 21, 105, "nowhere", SensorKinds.Rain, null, 300, ["rainMm"]),
            new Sensor("td-x", "Xe", "Car", 21, 105, "hoan-kiem", SensorKinds.Traffic, "j-none", 60, ["speedKmh"]) { FreeFlowSpeedKmh = 40 },
            new Sensor("aq-x", "Khí", "Air", 21, 105, "hoan-kiem", SensorKinds.Air, null, 300, ["pm25", "radon"])));
        Assert.That(problems, Has.Some.Contains("unknown zone 'nowhere'"));
        Assert.That(problems, Has.Some.Contains("td-x"));
        Assert.That(problems, Has.Some.Contains("radon"));
    }

    [Test]
    public void Validate_LotWithMissingSpotSensors_IsReported()
    {
        var document = Minimal() with { ParkingLots = [new ParkingLot("p-1", "Bãi 1", "Lot 1", 21.02, 105.85, "hoan-kiem", 2, "Lý Thường Kiệt")] };
        Assert.That(CatalogValidator.Validate(document), Has.Some.Contains("one spot sensor per space"));
    }

    [Test]
    public void Validate_VisitorCounterWithoutCapacity_IsReported()
    {
        var counter = new Sensor("vc-1", "Đếm khách", "Counter", 21, 105, "hoan-kiem", SensorKinds.VisitorCounter, null, 60, ["entries", "present"]);
        Assert.That(CatalogValidator.Validate(Minimal(counter)), Has.Some.Contains("visitor counter 'vc-1' needs a positive capacity"));
        Assert.That(CatalogValidator.Validate(Minimal(counter with { Capacity = 500 })), Is.Empty);
    }

    [Test]
    public void Validate_WalkingStreetWithBadHoursPathZoneOrJunction_IsReported()
    {
        var street = new WalkingStreet("ws-1", "Phố đi bộ", "Walking street", "nowhere", ["Đinh Tiên Hoàng"], [[21.03, 105.85]],
            [new WeeklyWindow("friday 7pm", "sunday 24:00")], ["j-none"]);
        var problems = CatalogValidator.Validate(Minimal() with { WalkingStreets = [street] });
        Assert.That(problems, Has.Some.Contains("unknown zone 'nowhere'"));
        Assert.That(problems, Has.Some.Contains("'ws-1' needs a path"));
        Assert.That(problems, Has.Some.Contains("friday 7pm"));
        Assert.That(problems, Has.Some.Contains("unknown edge junction 'j-none'"));
    }

    [Test]
    public void Load_InvalidFile_ThrowsWithEveryProblem()
    {
        using var json = new MemoryStream("""{"city":"x","zones":[],"parkingLots":[{"id":"P","name":"a","nameEn":"a","lat":0,"lon":0,"zoneId":"z","capacity":0,"street":"s"}],"junctions":[],"sensors":[]}"""u8.ToArray());
        var error = Assert.Throws<InvalidDataException>(() => CatalogLoader.Load(json, "test"));
        Assert.That(error!.Message, Does.Contain("'P'").And.Contain("capacity 0").And.Contain("unknown zone"));
    }
}
