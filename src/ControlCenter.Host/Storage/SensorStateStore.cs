using System.Globalization;
using ControlCenter.Contracts;
using Orleans.Storage;

namespace ControlCenter.Host.Storage;

/// <summary>
/// The grain store named <see cref="StorageNames.GrainStore"/>: sensor state goes to the <c>sensor_state</c> table
/// through <see cref="SensorStateWriter"/>'s group commit (the ingest hot path: one state write per sensor per
/// batch); every other grain's state stays with Orleans' ADO.NET provider (<paramref name="others"/>). A sensor with
/// no row yet is read from that provider, where releases before this store kept it, so an upgrade loses nothing.
/// </summary>
public sealed class SensorStateStore(
    IGrainStorage others, SensorStateWriter writer, CityDatabase database, IGrainStorageSerializer serializer, string serviceId)
    : IGrainStorage
{
    /// <summary>The name under which Orleans' ADO.NET provider is registered, for everything but sensors.</summary>
    public const string OthersName = StorageNames.GrainStore + "-adonet";

    private const string Select = "SELECT version, payload FROM sensor_state WHERE service_id = @service AND sensor_id = @id";
    private const string Delete = "DELETE FROM sensor_state WHERE service_id = @service AND sensor_id = @id";

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName != StorageNames.SensorState)
        {
            await others.ReadStateAsync(stateName, grainId, grainState);
            return;
        }

        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = CityDatabase.Command(connection, Select, ("@service", serviceId), ("@id", SensorId(grainId)));
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync())
        {
            await others.ReadStateAsync(stateName, grainId, grainState);
            return;
        }

        grainState.ETag = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
        grainState.RecordExists = true;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName != StorageNames.SensorState)
        {
            await others.WriteStateAsync(stateName, grainId, grainState);
            return;
        }

        // The ADO.NET provider's etags are its version numbers too, so a state it wrote continues here.
        var read = long.TryParse(grainState.ETag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
        var write = new SensorStateWrite(SensorId(grainId), read + 1, serializer.Serialize(grainState.State).ToArray());
        await writer.Write(write);
        grainState.ETag = write.Version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (stateName != StorageNames.SensorState)
        {
            await others.ClearStateAsync(stateName, grainId, grainState);
            return;
        }

        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var command = CityDatabase.Command(connection, Delete, ("@service", serviceId), ("@id", SensorId(grainId))))
            await command.ExecuteNonQueryAsync();
        await others.ClearStateAsync(stateName, grainId, grainState);
    }

    private static string SensorId(GrainId grainId) => grainId.Key.ToString()!;
}
