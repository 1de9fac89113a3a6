namespace ControlCenter.Storage.GrainState;

/// <summary>One grain's state waiting for the next group commit; completed once its transaction has committed.</summary>
public sealed class GrainStateWrite(string grainId, string stateName, long version, byte[] payload)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string GrainId { get; } = grainId;
    public string StateName { get; } = stateName;
    /// <summary>The version this write creates; the row must hold <c>Version - 1</c> (or not exist) for it to apply.</summary>
    public long Version { get; } = version;
    public byte[] Payload { get; } = payload;

    /// <summary>Identifies the row within one commit (a grain has at most one write waiting).</summary>
    public string Key => $"{GrainId}\n{StateName}";

    public Task Committed => _committed.Task;

    public void Succeed() => _committed.TrySetResult();

    public void Fail(Exception error) => _committed.TrySetException(error);
}
