using System.Collections.Concurrent;
using Orleans.Serialization;

namespace ControlCenter.Grains.Tests.SiloLoss;

/// <summary>
/// A reminder table that outlives any one silo, as the PostgreSQL one does. (Orleans' in-memory table lives in a grain,
/// which dies with the silo that hosts it, and the reminders with it.)
/// </summary>
public sealed class SharedReminderTable(DeepCopier copier) : IReminderTable
{
    private static readonly ConcurrentDictionary<(GrainId, string), ReminderEntry> Rows = new();

    public Task<ReminderTableData> ReadRows(GrainId grainId) =>
        Task.FromResult(new ReminderTableData(Rows.Values.Where(r => r.GrainId == grainId).Select(r => copier.Copy(r)!)));

    /// <summary>Rows whose grain hashes into (begin, end], wrapping round when begin is not below end.</summary>
    public Task<ReminderTableData> ReadRows(uint begin, uint end)
    {
        bool InRange(uint hash) => begin < end ? hash > begin && hash <= end : hash > begin || hash <= end;
        return Task.FromResult(new ReminderTableData(Rows.Values.Where(r => InRange(r.GrainId.GetUniformHashCode())).Select(r => copier.Copy(r)!)));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        Task.FromResult(Rows.TryGetValue((grainId, reminderName), out var row) ? copier.Copy(row) : null);

    public Task<string?> UpsertRow(ReminderEntry entry)
    {
        var row = copier.Copy(entry)!;
        row.ETag = Guid.NewGuid().ToString("N");
        Rows[(row.GrainId, row.ReminderName)] = row;
        return Task.FromResult<string?>(row.ETag);
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) =>
        Task.FromResult(Rows.TryGetValue((grainId, reminderName), out var row) && row.ETag == eTag
            && Rows.TryRemove(new KeyValuePair<(GrainId, string), ReminderEntry>((grainId, reminderName), row)));

    public Task TestOnlyClearTable()
    {
        Rows.Clear();
        return Task.CompletedTask;
    }
}
