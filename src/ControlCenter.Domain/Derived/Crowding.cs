using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Derived;

/// <summary>How full a tourist point is: comfortable, busy, crowded or overcrowded by its share of capacity.</summary>
public sealed record Crowding(int Present, int Capacity, double Ratio, string Level)
{
    public const string Comfortable = "comfortable";
    public const string Busy = "busy";
    public const string Crowded = "crowded";
    public const string Overcrowded = "overcrowded";

    public static readonly IReadOnlyList<string> Levels = [Comfortable, Busy, Crowded, Overcrowded];

    public static Crowding Of(double present, int capacity, TourismPack pack)
    {
        var people = (int)Math.Max(0, present);
        var ratio = capacity <= 0 ? 0 : Math.Round((double)people / capacity, 4);
        var level = ratio >= pack.OvercrowdedRatio ? Overcrowded
            : ratio >= pack.CrowdedRatio ? Crowded
            : ratio >= pack.BusyRatio ? Busy
            : Comfortable;
        return new Crowding(people, capacity, ratio, level);
    }

    /// <summary>0 comfortable … 3 overcrowded: the figure rules and the map compare.</summary>
    public int Rank => Level switch { Busy => 1, Crowded => 2, Overcrowded => 3, _ => 0 };

    public EntityStatus Status => Level switch
    {
        Overcrowded => EntityStatus.Alert,
        Crowded => EntityStatus.Warning,
        _ => EntityStatus.Ok,
    };
}
