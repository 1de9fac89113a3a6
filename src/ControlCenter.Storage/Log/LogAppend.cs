using ControlCenter.Contracts.Messages;

namespace ControlCenter.Storage.Log;

/// <summary>One caller's readings waiting for the next group commit; completed with their positions once it committed.</summary>
public sealed class LogAppend(IReadOnlyList<SensorReading> readings, DateTimeOffset receivedAt)
{
    private readonly TaskCompletionSource<long[]> _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<SensorReading> Readings { get; } = readings;

    public long ReceivedMs { get; } = receivedAt.ToUnixTimeMilliseconds();

    /// <summary>Per reading: its position in its sensor's rows, or 0 for a duplicate.</summary>
    public Task<long[]> Committed => _committed.Task;

    public void Succeed(long[] positions) => _committed.TrySetResult(positions);

    public void Fail(Exception error) => _committed.TrySetException(error);
}
