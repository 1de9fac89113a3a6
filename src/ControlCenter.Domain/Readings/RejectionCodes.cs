namespace ControlCenter.Domain.Readings;

/// <summary>Per-reading rejection codes of the ingest contract.</summary>
public static class RejectionCodes
{
    public const string UnknownSensor = "unknown-sensor";
    public const string RetiredSensor = "retired-sensor";
    public const string UnknownMetric = "unknown-metric";
    public const string OutOfRange = "out-of-range";
    public const string BadTimestamp = "bad-timestamp";
    /// <summary>The reading is not an object with a sensorId string, a ts string and a non-empty values object of numbers.</summary>
    public const string InvalidReading = "invalid-reading";
}
