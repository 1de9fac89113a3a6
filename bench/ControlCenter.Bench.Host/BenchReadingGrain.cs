using ControlCenter.Contracts.Messages;

namespace ControlCenter.Bench.Host;

/// <summary>No rules, no persistence, no history, no feed; just the call and the state it keeps.</summary>
public sealed class BenchReadingGrain : Grain, IBenchReadingGrain
{
    private SensorReading? _latest;

    public Task<ReadingOutcome[]> Store(SensorReading[] readings)
    {
        foreach (var reading in readings)
        {
            if (_latest is null || reading.Ts >= _latest.Ts) _latest = reading;
        }

        return Task.FromResult(new ReadingOutcome[readings.Length]);
    }
}
