using System.Globalization;
using ControlCenter.Contracts;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// The grain store named <see cref="StorageNames.GrainStore"/>: every grain's state in the <c>grain_state</c> table,
/// written through <see cref="GrainStateWriter"/>'s group commit. Ingest writes one sensor state per sensor per
/// batch and every busy lot, junction and zone writes once a second; one commit (one disk flush) each made the
/// database's flush rate the ceiling of the whole centre. State with no row here is read from Orleans' ADO.NET
/// provider (<paramref name="previous"/>, the store of earlier releases), so an upgrade loses nothing.
/// </summary>
public sealed class GroupCommitGrainStorage(
    IGrainStorage previous, GrainStateReader reader, GrainStateWriter writer, CityDatabase database, IGrainStorageSerializer serializer, string serviceId)
    : IGrainStorage
{
    /// <summary>The name under which Orleans' ADO.NET provider stays registered, to read state written before this store.</summary>
    public const string PreviousName = StorageNames.GrainStore + "-adonet";

    private const string AnyPrevious = "SELECT 1 FROM OrleansStorage WHERE ServiceId = @service LIMIT 1";
    private const string Delete = "DELETE FROM grain_state WHERE service_id = @service AND grain_id = @id AND state_name = @state";

    /// <summary>
    /// Whether earlier releases left any state to read. Asked once: nothing is written there any more, so a service that
    /// had none (a new city) never pays a second read per activation (100,000 of them at start-up).
    /// </summary>
    private readonly Lazy<Task<bool>> _previousHasState = new(async () =>
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection, AnyPrevious, ("@service", serviceId));
        return await command.ExecuteScalarAsync() is not null;
    });

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await reader.Read(grainId.ToString(), stateName) is not { } row)
        {
            if (await _previousHasState.Value) await previous.ReadStateAsync(stateName, grainId, grainState);
            return;
        }

        grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>(new BinaryData(row.Payload));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // The ADO.NET provider's etags are its version numbers too, so a state it wrote continues here.
        var read = long.TryParse(grainState.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
        var write = new GrainStateWrite(grainId.ToString(), stateName, read + 1, serializer.Serialize(grainState.State).ToArray());
        await writer.Write(write);
        grainState.ETag = write.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var command = CityDatabase.Command(connection, Delete, ("@service", serviceId), ("@id", grainId.ToString()), ("@state", stateName)))
            await command.ExecuteNonQueryAsync();
        if (!await _previousHasState.Value) return;
        // The old store keeps its own versions: clear a row there only if it has one, with the version it has
        // (the grain's ETag is this store's, and would be refused there as a conflict).
        var legacy = new GrainState<T>();
        await previous.ReadStateAsync(stateName, grainId, legacy);
        if (legacy.RecordExists) await previous.ClearStateAsync(stateName, grainId, legacy);
    }
}
