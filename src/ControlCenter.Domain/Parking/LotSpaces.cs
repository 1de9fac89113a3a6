namespace ControlCenter.Domain.Parking;

/// <summary>
/// What a lot can offer a driver now. The sensors count <see cref="Occupied"/> spaces and leave <see cref="Unknown"/>
/// the ones they cannot see (never guessed free). Holds take a space each; so does each session started within
/// the arrival grace (its car may not be on the sensors yet); older sessions are already counted by the sensors.
/// </summary>
public readonly record struct LotSpaces(int Capacity, int Occupied, int Unknown, int Held, int Arriving, int OpenSessions)
{
    public int Free => Math.Max(0, Capacity - Occupied - Unknown - Held - Arriving);

    /// <summary>No sensor knows anything about the lot (all silent or never reported).</summary>
    public bool Blind => Capacity > 0 && Unknown >= Capacity;

    /// <summary>A hold promises a space, so it needs one the sensors can see free.</summary>
    public bool CanHold => Free > 0;

    /// <summary>
    /// A session starts with the car at the lot. It needs a free space; when the sensors are blind, the app's own
    /// count (holds and open sessions under the capacity) decides, so a driver is not turned away by a dead sensor.
    /// </summary>
    public bool CanStartSession => Blind ? Held + OpenSessions < Capacity : Free > 0;
}
