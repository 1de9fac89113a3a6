namespace ControlCenter.Simulator.Load;

/// <summary>Request or message latencies from several senders at once, summarised as percentiles at the end of a run.</summary>
public sealed class LatencyLog
{
    private readonly List<double> _milliseconds = [];
    private readonly Lock _gate = new();
    private double[]? _sorted;

    public void Add(TimeSpan latency)
    {
        lock (_gate) _milliseconds.Add(latency.TotalMilliseconds);
    }

    /// <summary>The latency <paramref name="fraction"/> of the samples are at or under (0 when there are none).</summary>
    public double Percentile(double fraction)
    {
        lock (_gate) _sorted ??= [.. _milliseconds.Order()];
        return _sorted.Length == 0 ? 0 : _sorted[Math.Min(_sorted.Length - 1, (int)(fraction * _sorted.Length))];
    }
}
