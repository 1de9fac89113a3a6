using BenchmarkDotNet.Attributes;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Derived;

namespace ControlCenter.Bench.Micro;

/// <summary>Every alert rule of the busiest zone over all its members: one zone's evaluation pass.</summary>
[MemoryDiagnoser]
public class RuleEvaluationBenchmarks
{
    private RuleContext _context = null!;

    [GlobalSetup]
    public void Setup()
    {
        var catalog = MicroFixtures.Catalog;
        var zone = catalog.Sensors.GroupBy(s => s.ZoneId).MaxBy(g => g.Count())!;
        var now = DateTimeOffset.UtcNow;
        var members = zone.Select(s => new ObservedEntity(s.Id, s.Kind, EntityStatus.Ok, now,
            new Dictionary<string, double>(StringComparer.Ordinal) { ["aqi"] = 80, ["rain1hMm"] = 12, ["depthCm"] = 4, ["flooded"] = 0, ["speedKmh"] = 22 })).ToList();
        _context = new RuleContext(catalog, MicroFixtures.Packs, new ZoneObservation(zone.Key, now, members, []), _ => 0);
    }

    [Benchmark]
    public int EvaluateZone() => ZoneRuleEngine.Evaluate(_context).Count;
}
