using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Parking;

/// <summary>A session as the lot desk keeps it: for the tile's counts, the unpaid list and the plate's retention.</summary>
[GenerateSerializer]
public sealed record DeskSession(
    [property: Id(0)] string Id,
    [property: Id(1)] DateTimeOffset StartedAt,
    [property: Id(2)] DateTimeOffset? EndedAt = null,
    [property: Id(3)] long FeeVnd = 0,
    [property: Id(4)] bool Paid = false,
    [property: Id(5)] bool PlateForgotten = false);

/// <summary>
/// The lot desk's stored state. It stays a class of mutable dictionaries: that is the shape of the checkpoints
/// already stored, and Orleans reads a Dictionary and an ImmutableDictionary as different types.
/// </summary>
[GenerateSerializer]
public sealed class LotDeskState
{
    /// <summary>Active holds, and finished ones for a day (so the app can still read what became of them).</summary>
    [Id(0)] public Dictionary<string, ParkingHold> Holds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Open sessions, and ended ones until they are paid and their plate is forgotten.</summary>
    [Id(1)] public Dictionary<string, DeskSession> Sessions { get; set; } = new(StringComparer.Ordinal);

    [Id(2)] public DateOnly Day { get; set; }

    [Id(3)] public int SessionsToday { get; set; }

    [Id(4)] public long RevenueTodayVnd { get; set; }

    [Id(5)] public long PaidTodayVnd { get; set; }
}
