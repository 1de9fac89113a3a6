namespace ControlCenter.Host.Ingest;

/// <summary>
/// Where the ingest endpoint sends a parsed batch: always <see cref="IngestService"/> in the product. The benchmark
/// baselines (bench/ControlCenter.Bench.Host) register simpler ones to measure the same HTTP path and parser.
/// </summary>
public interface IReadingSink
{
    Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken);
}
