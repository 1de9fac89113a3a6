using Orleans;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace ControlCenter.Storage.GrainState;

/// <summary>
/// Grain state in the <c>grain_state</c> table, written through <see cref="GrainStateWriter"/>'s group commit. Ingest
/// writes one sensor state per sensor per batch and every busy lot, junction and zone writes once a second; one commit
/// (one disk flush) each made the database's flush rate the ceiling of the whole centre.
/// Versions hold across silos: a write names the version it read and applies only to the row at that version, or,
/// when it read none, only where no row exists; a clear leaves a tombstone (payload NULL) whose version goes on. A
/// stale activation's write or clear fails with <see cref="InconsistentStateException"/> and changes nothing.
/// State with no row here is read from Orleans' ADO.NET provider of earlier releases (the legacy store), so an
/// upgrade loses nothing. Register it with <c>AddGroupCommitGrainStorage</c>.
/// </summary>
public sealed class GroupCommitGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The name under which the host keeps Orleans' ADO.NET provider, to read state written before this store.</summary>
    public const string LegacyAdoNetName = Contracts.StorageNames.GrainStore + "-adonet";

    private const string AnyLegacyState = "SELECT 1 FROM OrleansStorage WHERE ServiceId = @service LIMIT 1";

    private readonly string _name;
    private readonly GroupCommitGrainStorageOptions _options;
    private readonly GrainStateReader _reader;
    private readonly GrainStateWriter _writer;
    private readonly CityDatabase _database;
    private readonly IGrainStorage? _legacy;
    private readonly IActivatorProvider _activators;

    /// <summary>
    /// Whether earlier releases left any state to read. Nothing is written there any more, so once known it stays
    /// true or false, and a new city never pays a second read per activation (100,000 of them at start-up).
    /// </summary>
    private readonly CachedOnSuccess<bool> _legacyHasState;

    public GroupCommitGrainStorage(string name, GroupCommitGrainStorageOptions options, GrainStateReader reader, GrainStateWriter writer,
        CityDatabase database, IGrainStorage? legacy, IActivatorProvider activators, string serviceId)
    {
        (_name, _options, _reader, _writer, _database, _legacy, _activators) = (name, options, reader, writer, database, legacy, activators);
        _legacyHasState = new CachedOnSuccess<bool>(async () =>
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var command = CityDatabase.Command(connection, AnyLegacyState, ("@service", serviceId));
            return await command.ExecuteScalarAsync() is not null;
        });
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe($"{nameof(GroupCommitGrainStorage)}-{_name}", _options.InitStage, ct => SqliteTombstoneMigration.Run(_database, ct));

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (await _reader.Read(grainId.ToString(), stateName) is { } row)
        {
            grainState.State = row.Payload is null ? Default<T>() : _options.GrainStorageSerializer.Deserialize<T>(new BinaryData(row.Payload));
            grainState.ETag = GrainStateVersion.Ours(row.Version).ToETag();
            grainState.RecordExists = row.Payload is not null;
            return;
        }

        if (_legacy is not null && await _legacyHasState.Value)
        {
            await _legacy.ReadStateAsync(stateName, grainId, grainState);
            grainState.ETag = GrainStateVersion.LegacyETag(grainState.ETag);
            return;
        }

        grainState.State = Default<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var write = new GrainStateWrite(grainId.ToString(), stateName, ReadVersion(stateName, grainId, grainState),
            _options.GrainStorageSerializer.Serialize(grainState.State).ToArray());
        await _writer.Write(write);
        grainState.ETag = GrainStateVersion.Ours(write.Version).ToETag();
        grainState.RecordExists = true;
    }

    /// <summary>
    /// Leaves a tombstone and resets the grain's state as Orleans' ADO.NET provider does on clear: the new version as
    /// ETag, no record, a default state. The legacy store's row, if any, is cleared too (with its own version).
    /// </summary>
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var tombstone = new GrainStateWrite(grainId.ToString(), stateName, ReadVersion(stateName, grainId, grainState), payload: null);
        await _writer.Write(tombstone);
        grainState.State = Default<T>();
        grainState.ETag = GrainStateVersion.Ours(tombstone.Version).ToETag();
        grainState.RecordExists = false;
        if (_legacy is null || !await _legacyHasState.Value) return;
        // The tombstone already hides the old row from reads; clearing it keeps the old table from holding what was cleared.
        var legacy = new GrainState<T>();
        await _legacy.ReadStateAsync(stateName, grainId, legacy);
        if (legacy.RecordExists) await _legacy.ClearStateAsync(stateName, grainId, legacy);
    }

    private static GrainStateVersion ReadVersion<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GrainStateVersion.Parse(grainState.ETag)
        ?? throw new InconsistentStateException($"State '{stateName}' of '{grainId}' has ETag '{grainState.ETag}', which this store did not give.", "", grainState.ETag ?? "");

    private T Default<T>() => _activators.GetActivator<T>().Create();
}
