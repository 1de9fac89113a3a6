using BenchmarkDotNet.Attributes;
using ControlCenter.Domain.Air;

namespace ControlCenter.Bench.Micro;

/// <summary>VN_AQI from 12 hourly means of every pollutant: what an air sensor derives after each accepted reading.</summary>
[MemoryDiagnoser]
public class VnAqiBenchmarks
{
    private readonly VnAqi _aqi = new(MicroFixtures.Packs.VnAqi);
    private IReadOnlyDictionary<string, IReadOnlyList<double?>> _means = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        _means = VnAqi.Pollutants.ToDictionary(p => p,
            p => (IReadOnlyList<double?>)[.. Enumerable.Range(0, 13).Select(_ => (double?)Math.Round(20 + random.NextDouble() * 60, 1))]);
    }

    [Benchmark]
    public int? HourlyNowCast() => _aqi.Hourly(_means).Aqi;
}
