using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>A lot's occupancy figures.</summary>
public sealed record Occupancy(int Capacity, int Occupied, int Free, double Ratio, bool Full)
{
    public static Occupancy Of(int occupied, int capacity, ParkingPack pack)
    {
        var clamped = Math.Clamp(occupied, 0, capacity);
        var ratio = capacity == 0 ? 1 : (double)clamped / capacity;
        return new Occupancy(capacity, clamped, capacity - clamped, Math.Round(ratio, 4), ratio >= pack.FullRatio);
    }
}
