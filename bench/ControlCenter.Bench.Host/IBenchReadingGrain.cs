using ControlCenter.Contracts.Messages;

namespace ControlCenter.Bench.Host;

/// <summary>A grain per sensor id that keeps its latest reading in memory and nothing else.</summary>
public interface IBenchReadingGrain : IGrainWithStringKey
{
    /// <summary>One outcome per reading, like the sensor grain, so the ceiling pays for the same answer.</summary>
    Task<ReadingOutcome[]> Store(SensorReading[] readings);
}
