namespace ControlCenter.Grains.Parking;

/// <summary>A plate's open session and active hold, if any (no payload stored when it has neither).</summary>
[GenerateSerializer]
public sealed record PlateState
{
    [Id(0)] public string? OpenSessionId { get; init; }

    [Id(1)] public string? HoldId { get; init; }

    [Id(2)] public DateTimeOffset HoldExpiresAt { get; init; }
}
