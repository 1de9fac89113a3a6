namespace ControlCenter.Contracts.Messages;

/// <summary>What a sensor grain did with one reading.</summary>
[GenerateSerializer]
public enum ReadingOutcome
{
    /// <summary>New: applied to the sensor (and, if newest, to its live state).</summary>
    Accepted = 0,
    /// <summary>The same (sensorId, ts) was seen before: nothing changed.</summary>
    Duplicate = 1,
    /// <summary>Older than the sensor's de-duplication window: only the history store can tell if it is new.</summary>
    Late = 2,
}
