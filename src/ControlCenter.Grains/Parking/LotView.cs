using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Parking;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// A lot's occupancy from its members: spot sensors (one per space) or one gate counter. Spaces whose sensor
/// never reported or is offline are "unknown" and never counted as free.
/// </summary>
public static class LotView
{
    /// <summary>What the sensors count: occupied spaces and the spaces they cannot see.</summary>
    public static (int Occupied, int Unknown, bool ByGate) Count(ParkingLot lot, IReadOnlyCollection<MemberSummary> members)
    {
        var gate = members.FirstOrDefault(m => m.Kind == SensorKinds.ParkingGate);
        if (gate is not null)
        {
            var known = gate.Ts is not null && gate.Status != EntityStatus.Offline && gate.Figures.ContainsKey("occupiedCount");
            return known ? ((int)gate.Figures["occupiedCount"], 0, true) : (0, lot.Capacity, true);
        }

        var reporting = members.Where(m => m.Ts is not null && m.Status != EntityStatus.Offline).ToList();
        return (reporting.Count(m => m.Figures.GetValueOrDefault("occupied") >= 1), lot.Capacity - reporting.Count, false);
    }

    /// <param name="unavailable">Why the lot is closed to drivers (a flood), if it is: it then offers no free spaces.</param>
    /// <param name="closedReason">An operator's reason for closing it, if closed: it then offers no free spaces either.</param>
    /// <param name="bookings">The app's holds and arriving sessions take spaces off the free ones.</param>
    public static AggregateView Compute(
        ParkingLot lot, IReadOnlyCollection<MemberSummary> members, ParkingPack pack, string? unavailable = null, string? closedReason = null,
        LotBookings? bookings = null)
    {
        var health = members.Aggregate(SensorHealthCounts.None, (sum, m) => sum.Add(m.Health));
        var (occupied, unknown, byGate) = Count(lot, members);
        bookings ??= LotBookings.None;
        var occupancy = Occupancy.Of(occupied, lot.Capacity, pack);
        var open = unavailable is null && closedReason is null;
        var spaces = new LotSpaces(lot.Capacity, occupancy.Occupied, unknown, bookings.Held, bookings.Arriving, bookings.OpenSessions);
        var free = open ? spaces.Free : 0;
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["capacity"] = lot.Capacity,
            ["occupied"] = occupancy.Occupied,
            ["free"] = free,
            ["unknown"] = unknown,
            ["occupancy"] = occupancy.Ratio,
            ["full"] = occupancy.Full,
            ["countedBy"] = byGate ? "gate" : "spots",
            ["held"] = bookings.Held,
            ["sessionsOpen"] = bookings.OpenSessions,
            ["sessionsToday"] = bookings.SessionsToday,
            ["revenueTodayVnd"] = bookings.RevenueTodayVnd,
            ["paidTodayVnd"] = bookings.PaidTodayVnd,
            ["available"] = open,
            ["unavailableReason"] = unavailable ?? (closedReason is null ? null : "closed"),
            ["closedReason"] = closedReason,
            ["sensorsStale"] = health.Stale,
            ["sensorsOffline"] = health.Offline,
        };
        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["capacity"] = lot.Capacity, ["occupied"] = occupancy.Occupied, ["free"] = free,
            ["unknown"] = unknown, ["held"] = bookings.Held, ["full"] = occupancy.Full ? 1 : 0, ["floodClosed"] = unavailable == "flood" ? 1 : 0,
        };

        var silent = health.Stale + health.Offline;
        var status = health.Sensors > 0 && health.Offline == health.Sensors ? EntityStatus.Offline
            : health.Sensors > 0 && silent * 2 >= health.Sensors ? EntityStatus.Stale
            : unavailable is not null ? EntityStatus.Alert
            : closedReason is not null ? EntityStatus.Warning
            : occupancy.Full ? EntityStatus.Warning
            : EntityStatus.Ok;
        var ts = members.Max(m => m.Ts);
        return new AggregateView(status, derived, figures, health, ts);
    }
}
