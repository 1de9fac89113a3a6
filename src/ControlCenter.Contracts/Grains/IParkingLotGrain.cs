using ControlCenter.Contracts.Messages;

namespace ControlCenter.Contracts.Grains;

/// <summary>One grain per parking lot: occupancy from its spot sensors or its gate counter.</summary>
public interface IParkingLotGrain : IAggregateGrain
{
    /// <summary>Marks the lot unavailable to drivers for a reason (<c>flood</c>), or available again with null.</summary>
    Task SetUnavailable(string? reason);

    /// <summary>An operator closes the lot to drivers (with a reason), or reopens it with null. Kept apart from the flood rule's closure.</summary>
    Task SetClosed(string? reason);

    /// <summary>What the sensors count now (not waiting for the next flush): the lot desk decides on it.</summary>
    Task<LotSensorSpaces> GetSensorSpaces();

    /// <summary>The desk's holds and sessions, shown on the lot's tile and taken off its free spaces.</summary>
    Task SetBookings(LotBookings bookings);
}
