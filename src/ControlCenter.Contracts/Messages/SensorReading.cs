namespace ControlCenter.Contracts.Messages;

/// <summary>One accepted-for-processing reading: a sensor's values at a moment. Identified by (SensorId, Ts).</summary>
[GenerateSerializer, Immutable]
public sealed record SensorReading(
    [property: Id(0)] string SensorId,
    [property: Id(1)] DateTimeOffset Ts,
    [property: Id(2)] IReadOnlyDictionary<string, double> Values);
