using System.Globalization;
using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Wall;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ControlCenter.Host.Tests.Wall;

/// <summary>Evidence in words, with catalogue names and units, in both of the wall's languages; and where the map goes for an alert.</summary>
public class EvidenceTextTests
{
    private static readonly CityCatalog Catalog = CatalogLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "Catalog", "hanoi.json"));

    private ServiceProvider _services = null!;

    [OneTimeSetUp]
    public void Localization() => _services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();

    [OneTimeTearDown]
    public void DisposeServices() => _services.Dispose();

    private IStringLocalizer Words(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        CultureInfo.CurrentCulture = new CultureInfo(culture);
        return _services.GetRequiredService<IStringLocalizer<WallText>>();
    }

    private static AlertEvidence Evidence(string entity, string metric, double value) => new(entity, metric, value, null);

    [Test]
    public void Describe_RainGauge_CatalogueNameLabelAndUnit_InBothLanguages()
    {
        var rain = Evidence("rg-dong-da", "rain30MinMm", 11.72);
        Assert.That(EvidenceText.Describe(rain, Catalog, Words("vi-VN"), english: false), Is.EqualTo("Trạm đo mưa Đống Đa · Mưa 30 phút 11,7 mm"));
        Assert.That(EvidenceText.Describe(rain, Catalog, Words("en-US"), english: true), Is.EqualTo("Rain gauge Dong Da · Rain in 30 min 11.7 mm"));
    }

    [TestCase("depthCm", 27.5, "Độ sâu ngập", "27,5 cm")]
    [TestCase("rain1hMm", 1234.56, "Mưa 1 giờ", "1.234,6 mm")]
    [TestCase("aqi", 182, "VN_AQI", "182")]
    [TestCase("pm25", 87.26, "Bụi PM2.5", "87,3 µg/m³")]
    [TestCase("doDrop3h", 2.4, "DO giảm trong 3 giờ", "2,4 mg/L")]
    [TestCase("nh4", 0.9, "Amoni (NH₄⁺)", "0,9 mg/L")]
    [TestCase("occupancy", 0.953, "Tỷ lệ lấp đầy", "95%")]
    [TestCase("jammed", 1, "Ùn tắc", "Có")]
    [TestCase("unavailable", 1, "Đóng do ngập", "Có")]
    [TestCase("silentSeconds", 2520, "Mất tín hiệu", "42 phút")]
    [TestCase("volume", 1850, "Lưu lượng xe", "1.850 xe")]
    [TestCase("onTimePct", 97.5, "Tỷ lệ đúng hạn", "97,5%")]
    public void Metric_Vietnamese_LabelAndValueWithUnit(string metric, double value, string label, string text)
    {
        Assert.That(EvidenceText.Metric(Evidence("x", metric, value), Words("vi-VN")), Is.EqualTo((label, text)));
    }

    [TestCase("depthCm", 27.5, "Water depth", "27.5 cm")]
    [TestCase("occupancy", 0.953, "Occupancy", "95%")]
    [TestCase("silentSeconds", 2520, "Silent for", "42 min")]
    [TestCase("volume", 1850, "Traffic volume", "1,850 vehicles")]
    [TestCase("present", 3240, "People present", "3,240 people")]
    public void Metric_English_LabelAndValueWithUnit(string metric, double value, string label, string text)
    {
        Assert.That(EvidenceText.Metric(Evidence("x", metric, value), Words("en-US")), Is.EqualTo((label, text)));
    }

    [Test]
    public void Metric_UnknownToTheWall_KeepsItsNameAndNumber()
    {
        Assert.That(EvidenceText.Metric(Evidence("x", "mysteryIndex", 3.14159), Words("en-US")), Is.EqualTo(("mysteryIndex", "3.1")));
    }

    [Test]
    public void Describe_IdNotInTheCatalogue_IsShownAsItIs()
    {
        Assert.That(EvidenceText.Describe(Evidence("so-noi-vu", "onTimePct", 91), Catalog, Words("en-US"), english: true), Is.EqualTo("so-noi-vu · On time 91%"));
    }

    private static Alert Alert(string? zone, params AlertEvidence[] evidence) => new()
    {
        Id = "al-1", RuleId = "cross.storm-flooding", Scope = zone ?? "city", Title = "Ngập úng", TitleEn = "Storm flooding", Severity = "critical",
        ZoneId = zone, Evidence = evidence,
    };

    [Test]
    public void Focus_StormInDongDa_SpansTheDistrictsPlaces_RingsItsEvidence()
    {
        var focus = MapFocus.Of(Alert("dong-da", Evidence("rg-dong-da", "rain30MinMm", 11.7), Evidence("rg-dong-da", "rain1hMm", 20), Evidence("fl-thai-ha", "depthCm", 31)), Catalog);

        Assert.That(focus.ZoneId, Is.EqualTo("dong-da"));
        Assert.That(focus.EntityIds, Is.EqualTo(new[] { "rg-dong-da", "fl-thai-ha" }));
        var ((south, west), (north, east)) = ((focus.Bounds![0][0], focus.Bounds[0][1]), (focus.Bounds[1][0], focus.Bounds[1][1]));
        foreach (var place in Catalog.SensorsInZone("dong-da").Where(s => !s.Retired))
            Assert.That(place.Lat >= south && place.Lat <= north && place.Lon >= west && place.Lon <= east, Is.True, $"{place.Id} in view");
        var elsewhere = Catalog.FindSensor("rg-tay-ho")!;
        Assert.That(elsewhere.Lat >= south && elsewhere.Lat <= north && elsewhere.Lon >= west && elsewhere.Lon <= east, Is.False, "West Lake's gauge out of the district's area");
    }

    [Test]
    public void Focus_ADetector_RingsItsJunction()
    {
        var detector = Catalog.Sensors.First(s => s.Kind == SensorKinds.Traffic && s.ParentId is not null);
        var focus = MapFocus.Of(Alert(detector.ZoneId, Evidence(detector.Id, "speedKmh", 6)), Catalog);
        Assert.That(focus.EntityIds, Is.EqualTo(new[] { detector.ParentId }));
    }

    [Test]
    public void Focus_NoZoneAndNoPlace_NothingToZoomTo()
    {
        var focus = MapFocus.Of(Alert(null, Evidence("so-noi-vu", "onTimePct", 91)), Catalog);
        Assert.That(focus.Bounds, Is.Null);
        Assert.That(focus.EntityIds, Is.EqualTo(new[] { "so-noi-vu" }));
    }
}
