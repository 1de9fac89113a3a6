using System.Threading.Channels;

namespace ControlCenter.Storage;

/// <summary>
/// Drains a queue in batches: whatever is waiting at one moment (up to <c>most</c>) goes together, so one
/// database round trip serves every caller that arrived meanwhile. Ends when the queue is completed and empty.
/// </summary>
public static class ChannelBatches
{
    public static async Task ForEach<T>(ChannelReader<T> reader, int most, Func<List<T>, Task> handle)
    {
        var batch = new List<T>(most);
        while (await reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < most && reader.TryRead(out var item)) batch.Add(item);
            await handle(batch);
        }
    }
}
