using System.Text.RegularExpressions;

namespace ControlCenter.Scenarios.Day;

/// <summary>
/// A tourist point's week as the share of its capacity present. No counts of Hanoi's points are published, so the
/// curves are our assumptions from the points' opening hours and habits (stated in docs/simulator.md): sights by
/// day with a morning peak, the lake and the Old Quarter in the evening, the walking-street nights highest (the
/// lake busy to just crowded, never over capacity), weekends above weekdays.
/// </summary>
public static partial class VisitorProfiles
{
    private static readonly (double Hour, double Share)[] Lake =
        [(0, 0.04), (4, 0.01), (5, 0.06), (6, 0.14), (7, 0.10), (9, 0.08), (12, 0.10), (16, 0.14), (18, 0.22), (20, 0.34), (22, 0.22), (24, 0.04)];

    /// <summary>The lake while its walking space is open (Friday 19:00 to Sunday 24:00): the weekend's crowd.</summary>
    private static readonly (double Hour, double Share)[] LakeWalking =
        [(0, 0.22), (1, 0.12), (3, 0.03), (6, 0.10), (8, 0.20), (10, 0.30), (15, 0.38), (18, 0.45), (19, 0.50), (20, 0.66), (21, 0.78), (22, 0.70), (23, 0.48), (24, 0.26)];

    private static readonly (double Hour, double Share)[] OldQuarterStreets =
        [(0, 0.08), (5, 0.02), (8, 0.10), (11, 0.22), (14, 0.20), (17, 0.28), (20, 0.48), (22, 0.40), (24, 0.12)];

    private static readonly (double Hour, double Share)[] MarketStreet = [(0, 0.01), (8, 0.04), (17, 0.06), (24, 0.01)];

    private static readonly (double Hour, double Share)[] MarketNight = [(0, 0.05), (19, 0.25), (20, 0.55), (21, 0.68), (22, 0.55), (23, 0.30), (24, 0.05)];

    private static readonly (double Hour, double Share)[] BridgeWalk =
        [(0, 0.02), (5, 0.05), (6, 0.16), (8, 0.08), (15, 0.10), (17, 0.30), (18.5, 0.38), (20, 0.20), (22, 0.08), (24, 0.02)];

    private static readonly (double Hour, double Share)[] TempleDay =
        [(0, 0), (8, 0.15), (9.5, 0.58), (11, 0.45), (12, 0.25), (14.5, 0.38), (16.5, 0.18), (17, 0.10), (24, 0)];

    private static readonly (double Hour, double Share)[] Square =
        [(0, 0), (5, 0.03), (6, 0.08), (7.5, 0.30), (8.5, 0.62), (10, 0.55), (10.5, 0.30), (12, 0.12), (16, 0.12), (18, 0.14), (21, 0.10), (22, 0), (24, 0)];

    private static readonly (double Hour, double Share)[] SightDay =
        [(0, 0), (7.5, 0.15), (9, 0.35), (11, 0.30), (13, 0.20), (16, 0.35), (18, 0.10), (24, 0)];

    private static readonly Dictionary<string, VisitorPlace> Places = new(StringComparer.Ordinal)
    {
        ["vc-ho-guom-the-huc"] = VisitorPlace.Lakeside,
        ["vc-ho-guom-trang-tien"] = VisitorPlace.Lakeside,
        ["vc-pho-co-hang-dao"] = VisitorPlace.OldQuarter,
        ["vc-cho-dem-dong-xuan"] = VisitorPlace.NightMarket,
        ["vc-cau-long-bien"] = VisitorPlace.Bridge,
        ["vc-van-mieu"] = VisitorPlace.Temple,
        ["vc-quang-truong-ba-dinh"] = VisitorPlace.Mausoleum,
        ["vc-chua-tran-quoc"] = VisitorPlace.Sight,
    };

    /// <summary>
    /// The place of a shipped counter (a multiplied catalogue's "-d3" copy is the same place); any other counter is
    /// a lakeside-like point when it stands on a walking street, else a sight open by day.
    /// </summary>
    public static VisitorPlace PlaceOf(string sensorId, bool onWalkingStreet) =>
        Places.TryGetValue(DistrictCopy().Replace(sensorId, ""), out var place) ? place
        : onWalkingStreet ? VisitorPlace.Lakeside : VisitorPlace.Sight;

    /// <summary>Whether people may come in: Văn Miếu 08:00–17:00, Ba Đình square 05:00–22:00, other sights 07:30–18:00.</summary>
    public static bool GatesOpen(VisitorPlace place, double hour) => place switch
    {
        VisitorPlace.Temple => hour is >= 8 and < 17,
        VisitorPlace.Mausoleum => hour is >= 5 and < 22,
        VisitorPlace.Sight => hour is >= 7.5 and < 18,
        _ => true,
    };

    /// <summary>The share of capacity present at an hour (0–24) of a day, given whether the point's walking street is open.</summary>
    public static double Share(VisitorPlace place, DayOfWeek day, double hour, bool walkingStreetOpen)
    {
        var weekend = day is DayOfWeek.Saturday or DayOfWeek.Sunday;
        // Saturday night is the walking street's fullest; Friday's and Sunday's are a little quieter.
        var night = day == DayOfWeek.Saturday ? 1 : 0.9;
        return place switch
        {
            VisitorPlace.Lakeside => walkingStreetOpen ? night * At(LakeWalking, hour) : At(Lake, hour) * (weekend ? 1.25 : 1),
            VisitorPlace.OldQuarter => At(OldQuarterStreets, hour) * (weekend ? 1.2 : 1) * (walkingStreetOpen ? 1.35 : 1),
            VisitorPlace.NightMarket => walkingStreetOpen ? night * At(MarketNight, hour) : At(MarketStreet, hour),
            VisitorPlace.Bridge => At(BridgeWalk, hour) * (weekend ? 1.4 : 1),
            VisitorPlace.Temple => At(TempleDay, hour) * (weekend ? 1.15 : 1),
            // The mausoleum is shut on Monday and Friday: the square's morning is then half as full.
            VisitorPlace.Mausoleum => At(Square, hour) * (weekend ? 1.15 : 1) * (day is DayOfWeek.Monday or DayOfWeek.Friday && hour < 11 ? 0.5 : 1),
            _ => At(SightDay, hour) * (weekend ? 1.3 : 1),
        };
    }

    /// <summary>How long a visitor stays, in minutes: it turns the people present into people coming in.</summary>
    public static double DwellMinutes(VisitorPlace place) => place switch
    {
        VisitorPlace.Lakeside => 50,
        VisitorPlace.OldQuarter => 60,
        VisitorPlace.NightMarket => 45,
        VisitorPlace.Bridge => 25,
        VisitorPlace.Temple => 70,
        VisitorPlace.Mausoleum => 60,
        _ => 40,
    };

    private static double At((double Hour, double Share)[] curve, double hour)
    {
        for (var i = 1; i < curve.Length; i++)
        {
            var (h1, s1) = curve[i];
            if (hour > h1) continue;
            var (h0, s0) = curve[i - 1];
            return s0 + (s1 - s0) * (hour - h0) / (h1 - h0);
        }

        return curve[^1].Share;
    }

    [GeneratedRegex(@"-d\d+$")]
    private static partial Regex DistrictCopy();
}
