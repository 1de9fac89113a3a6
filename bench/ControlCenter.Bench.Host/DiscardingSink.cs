using ControlCenter.Host.Ingest;

namespace ControlCenter.Bench.Host;

/// <summary><c>Bench:Mode=Raw</c>: counts the parsed readings as accepted and keeps nothing.</summary>
public sealed class DiscardingSink(IngestMetrics metrics) : IReadingSink
{
    public Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken)
    {
        var response = new IngestResponse(batch.Valid.Count, 0, batch.Rejected);
        metrics.Count(response);
        return Task.FromResult(response);
    }
}
