using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Parking;

[GenerateSerializer]
public sealed record ParkingSessionState
{
    [Id(0)] public ParkingSession? Session { get; init; }
}
