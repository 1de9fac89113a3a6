using BenchmarkDotNet.Attributes;
using ControlCenter.Domain.Readings;

namespace ControlCenter.Bench.Micro;

/// <summary>The per-reading checks every accepted reading passes: timestamp syntax, catalogue, metric ranges.</summary>
[MemoryDiagnoser]
public class ReadingValidationBenchmarks
{
    private readonly Dictionary<string, double> _airValues = new(StringComparer.Ordinal) { ["pm25"] = 35.2, ["pm10"] = 61.0 };
    private string _airSensor = "";
    private DateTimeOffset _now;

    [GlobalSetup]
    public void Setup()
    {
        _airSensor = MicroFixtures.Catalog.Sensors.First(s => s.Kind == "air").Id;
        _now = DateTimeOffset.UtcNow;
    }

    [Benchmark]
    public bool ParseTimestamp() => IsoTimestamp.TryParse("2026-11-26T17:00:00.123+07:00", out _);

    [Benchmark]
    public bool CheckReading() => ReadingRules.Check(MicroFixtures.Catalog, _airSensor, _now, _airValues, _now, TimeSpan.FromDays(30)) is null;
}
