namespace ControlCenter.Simulator.Replay;

/// <summary>
/// Which column of a recorded CSV is which sensor and metric. Either one <see cref="SensorId"/> for the whole
/// file, or a <see cref="KeyColumn"/> whose values <see cref="Sensors"/> maps to sensor ids (other keys are
/// ignored). With a <see cref="CapacityColumn"/>, counts are scaled from the source's capacity to the
/// sensor's lot (a gate counter's occupiedCount).
/// </summary>
public sealed record ReplayMapping
{
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    /// <summary>The CSV, relative to the data folder given on the command line.</summary>
    public string File { get; init; } = "";
    public string TimestampColumn { get; init; } = "";
    public string TimestampFormat { get; init; } = "";
    /// <summary>The time zone the file's timestamps are in (they carry no offset).</summary>
    public string TimeZone { get; init; } = "UTC";
    public string? SensorId { get; init; }
    public string? KeyColumn { get; init; }
    public Dictionary<string, string> Sensors { get; init; } = [];
    public string Metric { get; init; } = "";
    public string ValueColumn { get; init; } = "";
    public string? CapacityColumn { get; init; }
    /// <summary>Values that mean "no measurement" (e.g. −999).</summary>
    public List<string> MissingMarkers { get; init; } = [];
    public double? Min { get; init; }
}
