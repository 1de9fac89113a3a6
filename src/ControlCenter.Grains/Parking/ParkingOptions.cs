namespace ControlCenter.Grains.Parking;

/// <summary>The parking services' settings (section <c>Parking</c>).</summary>
public sealed class ParkingOptions
{
    /// <summary>How long a hold keeps a space for a driver on the way.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a new session counts as taking a space on top of what the sensors see: a car whose driver
    /// started the session may not be on the spot sensor or through the gate counter yet.
    /// </summary>
    public TimeSpan ArrivalGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long after a session ends its plate is kept (personal data); then it is erased.</summary>
    public TimeSpan PlateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often each lot desk expires holds, forgets plates and refreshes its tile.</summary>
    public TimeSpan SweepPeriod { get; set; } = TimeSpan.FromSeconds(5);
}
