namespace ControlCenter.Storage.GrainState;

/// <summary>
/// One grain's state (or its tombstone, a null payload) waiting for the next group commit; completed once its
/// transaction has committed, or failed when the row is not the one the grain read.
/// </summary>
public sealed class GrainStateWrite(string grainId, string stateName, GrainStateVersion read, byte[]? payload)
{
    private readonly TaskCompletionSource _committed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string GrainId { get; } = grainId;
    public string StateName { get; } = stateName;

    /// <summary>The version the grain read: the row must still be at it, or, for a grain that read no row here, not exist.</summary>
    public GrainStateVersion Read { get; } = read;

    /// <summary>The version this write creates.</summary>
    public long Version => Read.Next;

    /// <summary>Null for a clear: the row stays as a tombstone, so its version goes on and a stale write cannot re-create it.</summary>
    public byte[]? Payload { get; } = payload;

    /// <summary>Identifies the row within one commit.</summary>
    public string Key => $"{GrainId}\n{StateName}";

    public Task Committed => _committed.Task;

    public void Succeed() => _committed.TrySetResult();

    public void Fail(Exception error) => _committed.TrySetException(error);

    /// <summary>The refusal of a write that met another version than the one it read.</summary>
    public Orleans.Storage.InconsistentStateException Conflict() => new(
        Read.ExpectsRow
            ? $"State '{StateName}' of '{GrainId}' is no longer at version {Read.Version}: another activation wrote or cleared it."
            : $"State '{StateName}' of '{GrainId}' already has a row, but this activation read none: another activation wrote it first.",
        "", Read.ToETag() ?? "");
}
