using ControlCenter.Contracts.Messages;

namespace ControlCenter.Grains.Aggregates;

/// <summary>
/// An aggregate persists its version and nothing its members know: their figures are pulled from the members
/// on activation, so nothing a crash could lose is kept only here.
/// </summary>
[GenerateSerializer]
public sealed record AggregateGrainState
{
    [Id(0)] public long Version { get; init; }

    /// <summary>Lots only: why the lot is closed to drivers (<c>flood</c>), or null when open.</summary>
    [Id(1)] public string? Unavailable { get; init; }

    /// <summary>Lots only: an operator's reason for closing the lot, or null when it is not closed by hand.</summary>
    [Id(2)] public string? ClosedReason { get; init; }

    /// <summary>Lots only: the desk's holds and sessions as last told, so a restarted lot never offers a held space.</summary>
    [Id(3)] public LotBookings? Bookings { get; init; }
}
