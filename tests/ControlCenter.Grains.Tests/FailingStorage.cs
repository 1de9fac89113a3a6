using System.Collections.Concurrent;
using Orleans.Storage;

namespace ControlCenter.Grains.Tests;

/// <summary>
/// In-memory grain storage that can be told to fail writes of chosen grains, to prove that a write that
/// failed is never treated as accepted, or reads of chosen grains, as if their stored state were unreadable.
/// </summary>
public sealed class FailingStorage : IGrainStorage
{
    private readonly ConcurrentDictionary<string, (object State, string ETag)> _rows = new();

    public static ConcurrentDictionary<string, bool> FailWritesOf { get; } = new();

    public static ConcurrentDictionary<string, bool> FailReadsOf { get; } = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailReadsOf.ContainsKey(grainId.Key.ToString()!)) throw new InvalidDataException($"Injected unreadable state for {grainId}.");
        if (_rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = (T)row.State;
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (FailWritesOf.ContainsKey(grainId.Key.ToString()!)) throw new IOException($"Injected write failure for {grainId}.");
        var etag = Guid.NewGuid().ToString("N");
        _rows[Key(stateName, grainId)] = (grainState.State!, etag);
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        _rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The state last written for a grain's key (its primary key string), or null.</summary>
    public object? Stored(string stateName, string grainKey) =>
        _rows.FirstOrDefault(r => r.Key.StartsWith(stateName + "/", StringComparison.Ordinal) && r.Key.EndsWith("/" + grainKey, StringComparison.Ordinal)).Value.State;

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
