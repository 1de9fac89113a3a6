namespace ControlCenter.Domain.Derived;

/// <summary>The contract's entity statuses, worst last so that they can be compared.</summary>
public enum EntityStatus
{
    Ok = 0,
    Warning = 1,
    Alert = 2,
    Stale = 3,
    Offline = 4,
}

public static class EntityStatusNames
{
    /// <summary>The lowercase word the API and feed use.</summary>
    public static string ToWire(this EntityStatus status) => status switch
    {
        EntityStatus.Ok => "ok",
        EntityStatus.Warning => "warning",
        EntityStatus.Alert => "alert",
        EntityStatus.Stale => "stale",
        _ => "offline",
    };
}
