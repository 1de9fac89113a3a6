using System.Collections.Concurrent;

namespace ControlCenter.Scenarios.Ingest;

/// <summary>What the simulator sent and what the control centre made of it.</summary>
public sealed class IngestReport
{
    private long _sent, _accepted, _duplicates, _rejected, _retries, _failedBatches;

    public long Sent => Interlocked.Read(ref _sent);
    public long Accepted => Interlocked.Read(ref _accepted);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long Rejected => Interlocked.Read(ref _rejected);
    public long Retries => Interlocked.Read(ref _retries);
    public long FailedBatches => Interlocked.Read(ref _failedBatches);
    public ConcurrentDictionary<string, long> RejectedByCode { get; } = new();

    internal void AddSent(int n) => Interlocked.Add(ref _sent, n);
    internal void AddRetry() => Interlocked.Increment(ref _retries);
    internal void AddFailedBatch() => Interlocked.Increment(ref _failedBatches);

    internal void Add(IngestResult result)
    {
        Interlocked.Add(ref _accepted, result.Accepted);
        Interlocked.Add(ref _duplicates, result.Duplicates);
        Interlocked.Add(ref _rejected, result.Rejected.Count);
        foreach (var r in result.Rejected) RejectedByCode.AddOrUpdate(r.Code, 1, (_, n) => n + 1);
    }

    public override string ToString() =>
        $"sent {Sent}, accepted {Accepted}, duplicates {Duplicates}, rejected {Rejected}"
        + (RejectedByCode.IsEmpty ? "" : $" ({string.Join(", ", RejectedByCode.Select(kv => $"{kv.Key} {kv.Value}"))})")
        + $", retries {Retries}, failed batches {FailedBatches}";
}

/// <summary>The 202 body of the ingest contract.</summary>
public sealed record IngestResult(int Accepted, int Duplicates, List<IngestRejection> Rejected);

public sealed record IngestRejection(int Index, string Code, string Message);
