namespace ControlCenter.Host.Open;

/// <summary>What the public surface answered: served, not modified (304) and refused for rate.</summary>
public sealed class OpenMetrics
{
    private long _served;
    private long _notModified;
    private long _rateLimited;

    public long Served => Interlocked.Read(ref _served);

    public long NotModified => Interlocked.Read(ref _notModified);

    public long RateLimited => Interlocked.Read(ref _rateLimited);

    public void Count(int status)
    {
        if (status == StatusCodes.Status304NotModified) Interlocked.Increment(ref _notModified);
        else if (status == StatusCodes.Status429TooManyRequests) Interlocked.Increment(ref _rateLimited);
        else Interlocked.Increment(ref _served);
    }
}
