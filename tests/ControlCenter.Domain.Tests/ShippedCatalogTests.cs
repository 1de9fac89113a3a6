using ControlCenter.Domain.Catalog;

namespace ControlCenter.Domain.Tests;

public class ShippedCatalogTests
{
    private static readonly string[] CentralDistricts =
        ["hoan-kiem", "ba-dinh", "tay-ho", "dong-da", "hai-ba-trung", "cau-giay", "thanh-xuan", "long-bien", "bac-tu-liem"];

    private CityCatalog _catalog = null!;

    [OneTimeSetUp]
    public void Load() => _catalog = CatalogLoader.LoadFile(Path.Combine(TestContext.CurrentContext.TestDirectory, "Catalog", "hanoi.json"));

    [Test]
    public void ParkingLots_OnTheTwoPilotStreets_Are17With248Spaces()
    {
        Assert.That(_catalog.ParkingLots, Has.Count.EqualTo(17));
        Assert.That(_catalog.TotalParkingCapacity, Is.EqualTo(248));
        Assert.That(_catalog.ParkingLots.Select(l => l.Street).Distinct(), Is.EquivalentTo(new[] { "Lý Thường Kiệt", "Trần Hưng Đạo" }));
    }

    [Test]
    public void ParkingLots_EachCountedBySpotsOrOneGate_AndSomeByGate()
    {
        var gateLots = 0;
        foreach (var lot in _catalog.ParkingLots)
        {
            var sensors = _catalog.SensorsOf(lot.Id);
            var spots = sensors.Count(s => s.Kind == SensorKinds.ParkingSpot);
            var gates = sensors.Count(s => s.Kind == SensorKinds.ParkingGate);
            Assert.That((spots == lot.Capacity && gates == 0) || (spots == 0 && gates == 1), Is.True, lot.Id);
            if (gates == 1) gateLots++;
        }

        Assert.That(gateLots, Is.GreaterThan(0));
    }

    [Test]
    public void ParkingLots_LieAlongTheirStreets()
    {
        // The streets' OSM extents (shared/data/hanoi-coordinates.md), with ~100 m of slack.
        foreach (var lot in _catalog.ParkingLots)
        {
            Assert.That(lot.Lat, Is.InRange(21.0155, 21.0255), lot.Id);
            Assert.That(lot.Lon, Is.InRange(105.8430, 105.8615), lot.Id);
        }
    }

    [Test]
    public void Zones_IncludeTheCentralDistricts() =>
        Assert.That(_catalog.Zones.Select(z => z.Id), Is.SupersetOf(CentralDistricts));

    [Test]
    public void Sensors_MeetTheMinimumCountsPerKind()
    {
        int Count(string kind) => _catalog.Sensors.Count(s => s.Kind == kind);
        Assert.Multiple(() =>
        {
            Assert.That(Count(SensorKinds.Air), Is.EqualTo(10));
            Assert.That(Count(SensorKinds.Water), Is.GreaterThanOrEqualTo(3));
            Assert.That(Count(SensorKinds.Rain), Is.GreaterThanOrEqualTo(6));
            Assert.That(Count(SensorKinds.Flood), Is.GreaterThanOrEqualTo(10));
            Assert.That(_catalog.Junctions, Has.Count.GreaterThanOrEqualTo(8));
        });
    }

    [Test]
    public void TouristPoints_AreCountedWithACapacity_InTheZonesTheProgrammeNames()
    {
        var counters = _catalog.Sensors.Where(s => s.Kind == SensorKinds.VisitorCounter).ToList();
        Assert.That(counters, Has.Count.GreaterThanOrEqualTo(6));
        Assert.That(counters.All(c => c.Capacity > 0 && c.ParentId is null), Is.True);
        Assert.That(counters.Select(c => c.Name), Has.Some.Contains("Văn Miếu").And.Some.Contains("Trấn Quốc").And.Some.Contains("Long Biên").And.Some.Contains("Hoàn Kiếm"));
    }

    [Test]
    public void WalkingStreets_RoundHoanKiemLake_OpenFridayEveningToSundayMidnight_WithEdgeJunctionsInTheirZone()
    {
        var lake = _catalog.WalkingStreets.Single(w => w.Id == "ws-ho-guom");
        Assert.That(lake.Hours, Is.EqualTo(new[] { new WeeklyWindow("friday 19:00", "sunday 24:00") }));
        // The zone's rules see only the zone's junctions: an edge junction elsewhere could never raise the diversion alert.
        foreach (var street in _catalog.WalkingStreets)
            Assert.That(street.EdgeJunctionIds.Select(j => _catalog.FindJunction(j)!.ZoneId), Is.All.EqualTo(street.ZoneId), street.Id);
        Assert.That(lake.EdgeJunctionIds, Is.Not.Empty);
    }

    [Test]
    public void Junctions_HaveOneDetectorPerApproach()
    {
        foreach (var junction in _catalog.Junctions)
        {
            var detectors = _catalog.SensorsOf(junction.Id);
            Assert.That(detectors, Is.Not.Empty, junction.Id);
            Assert.That(detectors.Select(d => d.Approach).Distinct().Count(), Is.EqualTo(detectors.Count), junction.Id);
            Assert.That(detectors.All(d => d.Kind == SensorKinds.Traffic), Is.True, junction.Id);
        }
    }

    [Test]
    public void EverySensor_HasExistingZoneAndParent_AndContractIds()
    {
        foreach (var sensor in _catalog.Sensors)
        {
            Assert.That(EntityId.IsValid(sensor.Id), Is.True, sensor.Id);
            Assert.That(_catalog.FindZone(sensor.ZoneId), Is.Not.Null, sensor.Id);
            if (sensor.ParentId is { } parent)
                Assert.That(_catalog.FindLot(parent) ?? (object?)_catalog.FindJunction(parent), Is.Not.Null, sensor.Id);
            Assert.That(sensor.Metrics, Is.SubsetOf(Metrics.For(sensor.Kind).Keys), sensor.Id);
        }
    }

    [Test]
    public void Names_AreVietnameseWithDiacritics_AndEnglish()
    {
        Assert.That(_catalog.FindZone("hoan-kiem")!.Name, Is.EqualTo("Hoàn Kiếm"));
        Assert.That(_catalog.Sensors.All(s => s.NameEn.Length > 0 && s.Name.Length > 0), Is.True);
        Assert.That(_catalog.FindSensor("aq-dai-su-quan-my")!.Lat, Is.EqualTo(21.0215).Within(0.0001));
    }
}
