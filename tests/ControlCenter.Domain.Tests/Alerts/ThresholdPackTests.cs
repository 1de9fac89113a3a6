using System.Globalization;
using System.Text.Json;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Tests.Alerts;

public class ThresholdPackTests
{
    private static JsonElement Json(ThresholdPacks packs) => JsonDocument.Parse(ThresholdJson.Write(packs)).RootElement;

    [Test]
    public void Defaults_AreValid_AndRoundTripThroughJson()
    {
        Assert.That(ThresholdValidator.Validate(ThresholdPacks.Defaults), Is.Empty);
        var (packs, errors) = ThresholdJson.Read(Json(ThresholdPacks.Defaults));
        Assert.That(errors, Is.Empty);
        Assert.That(ThresholdJson.Write(packs!), Is.EqualTo(ThresholdJson.Write(ThresholdPacks.Defaults)));
    }

    [Test]
    public void Read_RefusesAPartialDocument_RatherThanResettingTheRest()
    {
        var (packs, errors) = ThresholdJson.Read(JsonDocument.Parse("""{ "flood": { "warningCm": 12, "majorCm": 20, "criticalCm": 40 } }""").RootElement);
        Assert.That(packs, Is.Null);
        Assert.That(errors.Single(), Does.Contain("missing").And.Contain("vnAqi").And.Contain("alerting"));
    }

    [Test]
    public void Read_RefusesUnknownFields_AndWrongTypes()
    {
        var text = ThresholdJson.Write(ThresholdPacks.Defaults);
        Assert.That(ThresholdJson.Read(JsonDocument.Parse(text.Replace("\"warningCm\":10", "\"warningCm\":10,\"sirens\":true", StringComparison.Ordinal)).RootElement).Packs, Is.Null);
        Assert.That(ThresholdJson.Read(JsonDocument.Parse(text.Replace("\"warningCm\":10", "\"warningCm\":\"10\"", StringComparison.Ordinal)).RootElement).Packs, Is.Null);
        Assert.That(ThresholdJson.Read(JsonDocument.Parse("[1,2]").RootElement).Packs, Is.Null);
    }

    private static readonly (string Name, ThresholdPacks Packs)[] Broken =
    [
        ("flood out of order", ThresholdPacks.Defaults with { Flood = new() { WarningCm = 30, MajorCm = 20, CriticalCm = 40 } }),
        ("oxygen lines crossed", ThresholdPacks.Defaults with { Water = new() { DoWarningMgL = 2, DoCriticalMgL = 4 } }),
        ("rain not ascending", ThresholdPacks.Defaults with { Rain = new() { HeavyMmPerHour = 60 } }),
        ("traffic ratio above 1", ThresholdPacks.Defaults with { Traffic = new() { FreeFlowingRatio = 1.2 } }),
        ("parking full below nearly full", ThresholdPacks.Defaults with { Parking = new() { FullRatio = 0.8, NearlyFullRatio = 0.9 } }),
        ("offline before stale", ThresholdPacks.Defaults with { Health = new() { StaleAfterIntervals = 10, OfflineAfterIntervals = 3 } }),
        ("negative hold", ThresholdPacks.Defaults with { Alerting = new() { ClearHoldMinutes = -1 } }),
        ("NaN margin", ThresholdPacks.Defaults with { Alerting = new() { FloodClearMarginCm = double.NaN } }),
        ("outage of one sensor", ThresholdPacks.Defaults with { Alerting = new() { OutageMinSensors = 1 } }),
        ("crowded above overcrowded", ThresholdPacks.Defaults with { Tourism = new() { CrowdedRatio = 1.2, OvercrowdedRatio = 1.0 } }),
        ("crowding margin past the line", ThresholdPacks.Defaults with { Tourism = new() { ClearMarginRatio = 0.9 } }),
        ("crowd advisory at level 4", ThresholdPacks.Defaults with { Tourism = new() { CrowdAirMinLevel = 4 } }),
        ("no CO breakpoints (stations report CO)", ThresholdPacks.Defaults with
        {
            VnAqi = new() { Breakpoints = ThresholdPacks.Defaults.VnAqi.Breakpoints.Where(b => b.Key != "co").ToDictionary() },
        }),
        ("categories not starting at level 1", ThresholdPacks.Defaults with
        {
            VnAqi = new() { Categories = [.. ThresholdPacks.Defaults.VnAqi.Categories.Select(c => c with { Level = c.Level + 9 })] },
        }),
        ("on-time target above 100 %", ThresholdPacks.Defaults with { Egov = new() { DefaultOnTimeTargetPct = 101 } }),
        ("NaN baseline", ThresholdPacks.Defaults with { Egov = new() { BaselineOnTimePct = double.NaN } }),
        ("department target for a bad id", ThresholdPacks.Defaults with { Egov = new() { DepartmentTargets = new Dictionary<string, double> { ["Sở Y tế"] = 95 } } }),
        ("negative department target", ThresholdPacks.Defaults with { Egov = new() { DepartmentTargets = new Dictionary<string, double> { ["y-te"] = -1 } } }),
        ("pm25 breakpoints descending", ThresholdPacks.Defaults with
        {
            VnAqi = new()
            {
                Breakpoints = new Dictionary<string, IReadOnlyList<double>>(ThresholdPacks.Defaults.VnAqi.Breakpoints) { ["pm25"] = [0, 50, 25] },
            },
        }),
    ];

    [TestCaseSource(nameof(Broken))]
    public void Validator_RefusesPacksThatCannotWork((string Name, ThresholdPacks Packs) broken) =>
        Assert.That(ThresholdValidator.Validate(broken.Packs), Is.Not.Empty, broken.Name);

    /// <summary>
    /// The AirNow AQI column of the 2017 embassy file was computed from its NowCast column with the pre-2024
    /// PM2.5 breakpoints (thresholds.md): the pack's formula with those breakpoints must reproduce it.
    /// </summary>
    [Test]
    public void UsAqi_WithPre2024Breakpoints_ReproducesTheAirNowColumn()
    {
        var pack = new UsAqiPack { Breakpoints = new Dictionary<string, IReadOnlyList<double>> { ["pm25"] = [0, 12.0, 35.4, 55.4, 150.4, 250.4, 500.4] } };
        var rows = File.ReadLines(Path.Combine(SharedData.Directory, "air", "hanoi_us_embassy_pm25_2017.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[^1] == "Valid" && double.TryParse(f[7], CultureInfo.InvariantCulture, out var c) && c >= 0 && int.TryParse(f[8], out var a) && a >= 0)
            .Select(f => (NowCast: double.Parse(f[7], CultureInfo.InvariantCulture), Aqi: int.Parse(f[8], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(rows, Has.Count.GreaterThan(5000));
        var mismatches = rows.Where(r => pack.Index("pm25", r.NowCast) != r.Aqi).ToList();
        Assert.That(mismatches.Count, Is.LessThanOrEqualTo(rows.Count / 100), $"first mismatches: {string.Join(", ", mismatches.Take(5))}");
    }

    [TestCase(9.0, 50)]
    [TestCase(9.1, 51)]
    [TestCase(35.4, 100)]
    [TestCase(55.5, 151)]
    [TestCase(125.4, 200)]
    public void UsAqi_2024Pm25Breakpoints(double pm25, int aqi) => Assert.That(new UsAqiPack().Index("pm25", pm25), Is.EqualTo(aqi));
}
