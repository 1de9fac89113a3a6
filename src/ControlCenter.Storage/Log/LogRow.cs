namespace ControlCenter.Storage.Log;

/// <summary>One reading on its way into the log, in the columns the table has.</summary>
public readonly record struct LogRow(string SensorId, long TsMs, long ReceivedMs, string Values);
