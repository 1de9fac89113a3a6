namespace ControlCenter.Host.Ingest;

/// <summary>A problem with the whole request: answered as RFC 7807 problem details with this status.</summary>
public sealed class BatchProblemException(int status, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Title { get; } = title;

    /// <summary>Sent as <c>Retry-After</c> when set: the request may be resent unchanged after this wait.</summary>
    public int? RetryAfterSeconds { get; init; }
}
