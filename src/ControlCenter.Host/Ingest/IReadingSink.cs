namespace ControlCenter.Host.Ingest;

/// <summary>
/// Where the ingest endpoint sends a parsed batch. In production this is always <see cref="IngestService"/>; the
/// benchmark-only modes in <c>Bench/</c> swap it to measure the same HTTP path and parser against simpler back ends.
/// </summary>
public interface IReadingSink
{
    Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken);
}
