namespace ControlCenter.Host.Storage;

/// <summary>One sensor's state waiting for the next group commit; completed once its transaction has committed.</summary>
public sealed class SensorStateWrite(string sensorId, long version, byte[] payload)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string SensorId { get; } = sensorId;
    /// <summary>The version this write creates; the row must hold <c>Version - 1</c> (or not exist) for it to apply.</summary>
    public long Version { get; } = version;
    public byte[] Payload { get; } = payload;

    public Task Committed => _committed.Task;

    public void Succeed() => _committed.TrySetResult();

    public void Fail(Exception error) => _committed.TrySetException(error);
}
