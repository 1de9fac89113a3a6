using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ControlCenter.Storage.Log;
using ControlCenter.Host.Ingest;
using Microsoft.Extensions.Options;

namespace ControlCenter.Bench.Micro;

/// <summary>A 500-reading ingest body: JSON parse alone, and parse plus every reading's validation (the endpoint's work).</summary>
[MemoryDiagnoser]
public class BatchParsingBenchmarks
{
    private readonly IngestKey _key = new() { Name = "bench", Key = "bench" };
    private byte[] _body = [];
    private ReadingParser _parser = null!;

    [GlobalSetup]
    public void Setup()
    {
        _body = MicroFixtures.Batch(DateTimeOffset.UtcNow);
        _parser = new ReadingParser(MicroFixtures.Catalog, TimeProvider.System, Options.Create(new HistoryOptions()));
    }

    [Benchmark]
    public int ParseJson()
    {
        using var document = JsonDocument.Parse(_body);
        return document.RootElement.GetProperty("readings").GetArrayLength();
    }

    [Benchmark]
    public int ParseAndValidateBatch()
    {
        using var document = JsonDocument.Parse(_body);
        return _parser.Parse(document.RootElement, _key).Valid.Count;
    }
}
