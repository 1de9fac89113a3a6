using System.Collections.Concurrent;

namespace ControlCenter.Host.Ingest;

/// <summary>Counts of what ingest accepted and refused, for <c>/metrics</c>: bad input is always counted.</summary>
public sealed class IngestMetrics
{
    private long _accepted;
    private long _duplicates;

    public ConcurrentDictionary<string, long> RejectedByCode { get; } = new(StringComparer.Ordinal);
    public ConcurrentDictionary<int, long> RequestsRefusedByStatus { get; } = new();

    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);

    public void Count(IngestResponse response)
    {
        Interlocked.Add(ref _accepted, response.Accepted);
        Interlocked.Add(ref _duplicates, response.Duplicates);
        foreach (var r in response.Rejected) RejectedByCode.AddOrUpdate(r.Code, 1, (_, n) => n + 1);
    }

    public void CountRefused(int status) => RequestsRefusedByStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
}
