using ControlCenter.Contracts.Grains;
using Microsoft.Extensions.Logging;

namespace ControlCenter.Grains.Alerts;

/// <summary>Reading the listed alerts: one that cannot be read is left out and reported, and tried again every sweep.</summary>
public sealed partial class AlertBookGrain
{
    /// <summary>Listed alerts whose state could not be read; the book works without them and retries each sweep.</summary>
    private readonly SortedSet<string> _unreadable = new(StringComparer.Ordinal);

    public Task<string[]> Unreadable() => Task.FromResult(_unreadable.ToArray());

    /// <summary>Reads alerts into the book; one whose state cannot be read is noted as unreadable, and the rest load.</summary>
    private async Task Load(IEnumerable<string> ids)
    {
        var reads = await Task.WhenAll(ids.Select(async id =>
        {
            try
            {
                return (Id: id, Alert: await GrainFactory.GetGrain<IAlertGrain>(id).Get(), Error: (Exception?)null);
            }
            catch (Exception ex)
            {
                return (Id: id, Alert: null, Error: ex);
            }
        }));
        foreach (var (id, alert, error) in reads)
        {
            if (error is not null)
            {
                if (_unreadable.Add(id)) logger.LogWarning(error, "Alert {AlertId} cannot be read; the book goes on without it", id);
                continue;
            }

            if (_unreadable.Remove(id)) logger.LogInformation("Alert {AlertId} can be read again", id);
            // No alert yet: its id was taken but the raise never reached it (the book creates it on the next raise).
            if (alert is not null) _alerts[alert.Id] = alert;
        }
    }

    /// <summary>The timer's work: the sweep, and another try at the alerts that could not be read.</summary>
    private async Task SweepAndRetry()
    {
        if (_unreadable.Count > 0)
        {
            var retry = _unreadable.Where(store.State.Ids.Contains).ToList();
            _unreadable.IntersectWith(retry);
            await Load(retry);
            foreach (var id in retry.Where(id => _alerts.TryGetValue(id, out var a) && a.IsActive)) await Arm(id);
        }

        await Sweep();
    }

    private async Task Arm(string id)
    {
        try
        {
            await GrainFactory.GetGrain<IAlertGrain>(id).Arm();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Could not re-arm escalation of alert {AlertId}", id);
        }
    }
}
