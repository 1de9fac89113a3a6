using ControlCenter.Contracts.Messages;
using ControlCenter.Host.Ingest;

namespace ControlCenter.Bench.Host;

/// <summary>
/// <c>Bench:Mode=GrainCeiling</c>: groups the batch per sensor exactly as <see cref="IngestService"/>
/// does and makes one call per sensor to a grain that only stores the readings.
/// </summary>
public sealed class GrainCeilingSink(IGrainFactory grains, IngestMetrics metrics) : IReadingSink
{
    public async Task<IngestResponse> Apply(ParsedBatch batch, CancellationToken cancellationToken)
    {
        var calls = batch.Valid
            .GroupBy(v => v.Reading.SensorId, StringComparer.Ordinal)
            .Select(g => grains.GetGrain<IBenchReadingGrain>(g.Key).Store([.. g.Select(v => v.Reading)]));
        var outcomes = await Task.WhenAll(calls);
        var response = new IngestResponse(outcomes.Sum(o => o.Length), 0, batch.Rejected);
        metrics.Count(response);
        return response;
    }
}
