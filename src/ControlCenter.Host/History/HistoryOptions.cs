namespace ControlCenter.Host.History;

public sealed class HistoryOptions
{
    public const string Section = "History";

    /// <summary>Readings older than this are deleted and refused at ingest ("bad-timestamp").</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>The writer flushes at least this often, so an accepted reading is in history within it.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Rows per INSERT statement.</summary>
    public int RowsPerStatement { get; set; } = 500;

    /// <summary>How many rows may wait in memory before ingest waits for the writer (back-pressure, not loss).</summary>
    public int QueueCapacity { get; set; } = 200_000;

    public TimeSpan Retention => TimeSpan.FromDays(RetentionDays);
}
