namespace ControlCenter.Storage.Log;

public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>
    /// Readings older than this are deleted from the log and refused at ingest ("bad-timestamp"); the lot desk history
    /// is kept as long (incident review reaches back this far).
    /// </summary>
    public int RetentionDays { get; set; } = 30;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
