using ControlCenter.Contracts.Messages;

namespace ControlCenter.Host.Wall.Handover;

/// <summary>One alert as a handover tells it: what happened to it during the window and where it stood at the end.</summary>
/// <param name="Entries">Its timeline entries inside the window, oldest first (repeats left out: they are counted on the alert).</param>
public sealed record ShiftAlert(Alert Alert, string StatusAtEnd, bool RaisedInWindow, bool AcknowledgedInWindow, bool ResolvedInWindow,
    IReadOnlyList<TimelineEntry> Entries)
{
    public bool OpenAtEnd => StatusAtEnd != AlertStatus.Resolved;
}
