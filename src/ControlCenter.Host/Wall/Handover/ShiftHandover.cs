using ControlCenter.Contracts.Grains;
using ControlCenter.Contracts.Messages;
using ControlCenter.Grains.Alerts;

namespace ControlCenter.Host.Wall.Handover;

/// <summary>Reads the alerts a handover needs from the alert book (its copies carry each alert's stored timeline).</summary>
public static class ShiftHandover
{
    public static async Task<ShiftReport> Read(IGrainFactory grains, ShiftWindow window)
    {
        // The book keeps its most recent alerts (every unresolved one among them): enough for any shift.
        var alerts = await grains.GetGrain<IAlertBookGrain>(0).Query(new AlertQuery(null, null, null, null, AlertBookGrain.Retained));
        return ShiftReport.Build(alerts, window);
    }
}
