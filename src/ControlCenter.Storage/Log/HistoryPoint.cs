namespace ControlCenter.Storage.Log;

/// <summary>One downsampled step of a metric's history.</summary>
public sealed record HistoryPoint(DateTimeOffset Ts, double Min, double Avg, double Max, long Count);
