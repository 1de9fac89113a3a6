using ControlCenter.Domain.Catalog;

namespace ControlCenter.Host.Open;

/// <summary>
/// Crowding at tourist points and the walking streets' hours. A point shows its level and its share of capacity in
/// steps of 5 %, never the people counted: the capacities are planning figures, so a head count would claim a
/// precision the centre does not have, and a live count at the mausoleum or a pagoda is more than a visitor needs.
/// </summary>
public sealed partial class OpenViews
{
    /// <param name="Crowding">comfortable, busy, crowded or overcrowded; absent before the first count.</param>
    /// <param name="CapacityPct">People present as a share of capacity, rounded down to 5 % (so 100 means overcrowded).</param>
    /// <param name="VisitorsPerHour">People who came in over the last hour, to the nearest 10.</param>
    public sealed record TouristPoint(Place Place, Freshness Freshness, string? Crowding, int? CapacityPct, int? VisitorsPerHour);

    /// <param name="OpenNow">Open to walkers now (city time).</param>
    /// <param name="NextChange">When it next opens or closes, in city time (+07:00); "sunday 24:00" is Monday 00:00.</param>
    public sealed record WalkingStreetView(
        string Id, string Name, string NameEn, string ZoneId, IReadOnlyList<string> Streets, IReadOnlyList<IReadOnlyList<double>> Path,
        bool OpenNow, DateTimeOffset? NextChange, IReadOnlyList<WeeklyWindow> Hours);

    public sealed record Tourism(IReadOnlyList<TouristPoint> Points, IReadOnlyList<WalkingStreetView> WalkingStreets);

    /// <summary>The tourist points and the walking streets; the streets' state changes at their hours, which move the stamp.</summary>
    public Tourism TourismNow() => new(TouristPoints(), WalkingStreets());

    public IReadOnlyList<TouristPoint> TouristPoints() =>
        [.. Sensors(SensorKinds.VisitorCounter).Select(s =>
        {
            var state = city.State(s.Id);
            var derived = state?.Derived;
            var level = Text(derived, "crowding");
            int? pct = level is not null && Number(derived, "crowdingRatio") is { } ratio ? FivePercentStep(ratio) : null;
            // A counter that never reported has counted nobody yet, which is not the same as no visitors.
            int? perHour = state?.Ts is not null && Number(derived, "visitorsPerHour") is { } n ? (int)(Math.Round(n / 10, MidpointRounding.AwayFromZero) * 10) : null;
            return new TouristPoint(PlaceOf(s), FreshnessOf(state), level, pct, perHour);
        })];

    public IReadOnlyList<WalkingStreetView> WalkingStreets()
    {
        var now = clock.Now;
        return [.. catalog.WalkingStreets.Select(w => new WalkingStreetView(
            w.Id, w.Name, w.NameEn, w.ZoneId, w.Streets, w.Path, WalkingHours.IsOpen(w, now), WalkingHours.NextChange(w, now), w.Hours))];
    }

    /// <summary>Down, so with the default lines a share shown as 50, 80 or 100 % has reached busy, crowded or overcrowded.</summary>
    public static int FivePercentStep(double ratio) => (int)(Math.Floor((decimal)ratio * 20) * 5);
}
