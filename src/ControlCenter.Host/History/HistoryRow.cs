namespace ControlCenter.Host.History;

/// <summary>One metric of one accepted reading, as stored in the readings table.</summary>
public readonly record struct HistoryRow(string SensorId, string Metric, long TsMs, double Value);
