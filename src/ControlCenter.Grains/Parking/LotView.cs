using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Thresholds;
using ControlCenter.Grains.Aggregates;

namespace ControlCenter.Grains.Parking;

/// <summary>
/// A lot's occupancy from its members: spot sensors (one per space) or one gate counter. Spaces whose sensor
/// never reported or is offline are "unknown" and never counted as free.
/// </summary>
public static class LotView
{
    /// <param name="unavailable">Why the lot is closed to drivers (a flood), if it is: it then offers no free spaces.</param>
    /// <param name="closedReason">An operator's reason for closing it, if closed: it then offers no free spaces either.</param>
    public static AggregateView Compute(
        ParkingLot lot, IReadOnlyCollection<MemberSummary> members, ParkingPack pack, string? unavailable = null, string? closedReason = null)
    {
        var health = members.Aggregate(SensorHealthCounts.None, (sum, m) => sum.Add(m.Health));
        var gate = members.FirstOrDefault(m => m.Kind == SensorKinds.ParkingGate);
        int occupied, unknown;
        if (gate is not null)
        {
            var known = gate.Ts is not null && gate.Status != EntityStatus.Offline && gate.Figures.ContainsKey("occupiedCount");
            occupied = known ? (int)gate.Figures["occupiedCount"] : 0;
            unknown = known ? 0 : lot.Capacity;
        }
        else
        {
            var reporting = members.Where(m => m.Ts is not null && m.Status != EntityStatus.Offline).ToList();
            occupied = reporting.Count(m => m.Figures.GetValueOrDefault("occupied") >= 1);
            unknown = lot.Capacity - reporting.Count;
        }

        var occupancy = Occupancy.Of(occupied, lot.Capacity, pack);
        var open = unavailable is null && closedReason is null;
        var free = open ? Math.Max(0, occupancy.Free - unknown) : 0;
        var derived = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["capacity"] = lot.Capacity,
            ["occupied"] = occupancy.Occupied,
            ["free"] = free,
            ["unknown"] = unknown,
            ["occupancy"] = occupancy.Ratio,
            ["full"] = occupancy.Full,
            ["countedBy"] = gate is null ? "spots" : "gate",
            ["available"] = open,
            ["unavailableReason"] = unavailable ?? (closedReason is null ? null : "closed"),
            ["closedReason"] = closedReason,
            ["sensorsStale"] = health.Stale,
            ["sensorsOffline"] = health.Offline,
        };
        var figures = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["capacity"] = lot.Capacity, ["occupied"] = occupancy.Occupied, ["free"] = free,
            ["unknown"] = unknown, ["full"] = occupancy.Full ? 1 : 0, ["floodClosed"] = unavailable == "flood" ? 1 : 0,
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
