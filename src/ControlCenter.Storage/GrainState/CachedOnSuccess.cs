namespace ControlCenter.Storage.GrainState;

/// <summary>
/// An asynchronous answer worked out once and then kept, but only once it succeeded. A <see cref="Lazy{T}"/> of a
/// task keeps a failed task too: one transient database error during start-up would then fail every later caller
/// until the process restarts. Callers waiting while an attempt runs share it, and its failure.
/// </summary>
public sealed class CachedOnSuccess<T>(Func<Task<T>> compute)
{
    private readonly Lock _gate = new();
    private Task<T>? _attempt;

    public Task<T> Value
    {
        get
        {
            lock (_gate)
            {
                if (_attempt is null || _attempt.IsFaulted || _attempt.IsCanceled) _attempt = compute();
                return _attempt;
            }
        }
    }
}
