using System.Collections.Concurrent;
using Orleans.Serialization;
using Orleans.Storage;

namespace ControlCenter.Grains.Tests.SiloLoss;

/// <summary>
/// Grain storage that outlives any one silo, as the database does: rows are kept serialized in one table for the whole
/// test process, each silo reads and writes them through its own serializer, and a write with a stale ETag (an
/// activation on a silo that was killed) is refused.
/// </summary>
public sealed class SharedGrainStorage(Serializer serializer) : IGrainStorage
{
    private static readonly ConcurrentDictionary<string, (byte[] State, string ETag)> Rows = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (Rows.TryGetValue(Key(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.State);
            grainState.ETag = row.ETag;
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = Key(stateName, grainId);
        var etag = Guid.NewGuid().ToString("N");
        var row = (serializer.SerializeToArray(grainState.State), etag);
        var written = grainState.ETag is { } expected
            ? Rows.TryGetValue(key, out var current) && current.ETag == expected && Rows.TryUpdate(key, row, current)
            : Rows.TryAdd(key, row);
        if (!written) throw new InconsistentStateException($"Stale write of {key}.", grainState.ETag ?? "", "");
        grainState.ETag = etag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Rows.TryRemove(Key(stateName, grainId), out _);
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>The state last written for a grain's key (its primary key string), read without activating it.</summary>
    public T? Stored<T>(string stateName, string grainKey)
    {
        var row = Rows.FirstOrDefault(r => r.Key.StartsWith(stateName + "/", StringComparison.Ordinal) && r.Key.EndsWith("/" + grainKey, StringComparison.Ordinal));
        return row.Key is null ? default : serializer.Deserialize<T>(row.Value.State);
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
