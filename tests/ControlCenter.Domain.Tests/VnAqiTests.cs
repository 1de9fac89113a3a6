using ControlCenter.Domain.Air;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests;

/// <summary>VN_AQI per Decision 1459/QĐ-TCMT (thresholds.md): breakpoints, NowCast, station value.</summary>
public class VnAqiTests
{
    private static readonly VnAqiPack Pack = new();
    private readonly VnAqi _aqi = new(Pack);

    private static IEnumerable<TestCaseData> EveryBreakpoint()
    {
        foreach (var (pollutant, row) in Pack.Breakpoints)
        {
            for (var i = 0; i < row.Count; i++)
                yield return new TestCaseData(pollutant, row[i], Pack.IndexColumns[i]).SetName($"SubIndex_{pollutant}_At{row[i]}_Is{Pack.IndexColumns[i]}");
        }
    }

    [TestCaseSource(nameof(EveryBreakpoint))]
    public void SubIndex_AtEachBreakpointColumn_IsThatColumn(string pollutant, double concentration, double index) =>
        Assert.That(_aqi.SubIndex(pollutant, concentration), Is.EqualTo(index).Within(1e-9));

    [TestCase("pm25", 37.5, 75)]
    [TestCase("pm25", 65, 125)]
    [TestCase("pm10", 100, 75)]
    [TestCase("no2", 450, 125)]
    [TestCase("co", 20000, 75)]
    public void SubIndex_BetweenColumns_IsLinear(string pollutant, double concentration, double index) =>
        Assert.That(_aqi.SubIndex(pollutant, concentration), Is.EqualTo(index).Within(1e-9));

    [Test]
    public void SubIndex_BeyondTheLastBreakpoint_IsHeldAtTheTop() =>
        Assert.That(_aqi.SubIndex("pm25", 900), Is.EqualTo(500));

    /// <summary>thresholds.md: the AQI-100 column equals the QCVN 05:2013 limits.</summary>
    [TestCase("pm25", 50)]
    [TestCase("pm10", 150)]
    [TestCase("no2", 200)]
    [TestCase("o3", 200)]
    [TestCase("co", 30000)]
    [TestCase("so2", 350)]
    public void SubIndex_AtQcvn05Limit_Is100(string pollutant, double limit) =>
        Assert.That(_aqi.SubIndex(pollutant, limit), Is.EqualTo(100));

    [TestCase(0, "Tốt")]
    [TestCase(50, "Tốt")]
    [TestCase(51, "Trung bình")]
    [TestCase(101, "Kém")]
    [TestCase(151, "Xấu")]
    [TestCase(201, "Rất xấu")]
    [TestCase(301, "Nguy hại")]
    [TestCase(500, "Nguy hại")]
    public void CategoryOf_BandEdges_AreTheDecisionsBands(int aqi, string name) =>
        Assert.That(_aqi.CategoryOf(aqi).Name, Is.EqualTo(name));

    [Test]
    public void Hourly_StationValue_IsTheLargestSubIndex()
    {
        var result = _aqi.Hourly(new Dictionary<string, IReadOnlyList<double?>>
        {
            ["pm25"] = [50, 50, 50],   // NowCast 50 → 100
            ["no2"] = [450],           // 125
            ["co"] = [5000],           // 25
        });
        Assert.That(result.Aqi, Is.EqualTo(125));
        Assert.That(result.DominantPollutant, Is.EqualTo("no2"));
        Assert.That(result.Category!.NameEn, Is.EqualTo("Poor"));
        Assert.That(result.SubIndices, Contains.Key("pm25").WithValue(100));
    }

    [Test]
    public void Hourly_WithoutParticles_IsRefused()
    {
        var result = _aqi.Hourly(new Dictionary<string, IReadOnlyList<double?>> { ["no2"] = [450], ["o3"] = [100] });
        Assert.That(result.Aqi, Is.Null);
        Assert.That(result.Unavailable, Does.Contain("PM2.5 or PM10"));
    }

    [Test]
    public void Hourly_Pm10Alone_IsEnough() =>
        Assert.That(_aqi.Hourly(new Dictionary<string, IReadOnlyList<double?>> { ["pm10"] = [150, 150] }).Aqi, Is.EqualTo(100));
}
