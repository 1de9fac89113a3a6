using ControlCenter.Domain.Catalog;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Alerts;

/// <summary>
/// The cross-domain rules of tourism: a crowd breathing poor air, a jam where a walking street turns traffic away,
/// and heavy rain on people out on the walking streets. Like the other cross-domain rules they read the same
/// evaluation's single-domain findings and name them as children.
/// </summary>
public static class TourismRules
{
    public static IEnumerable<Finding> Evaluate(RuleContext context, IReadOnlyList<Finding> singles)
    {
        var firing = singles.Where(f => f.Verdict == Verdict.Firing).ToList();
        return CrowdAirRule(context, singles, firing)
            .Concat(WalkingStreetTrafficRule(context, singles, firing))
            .Concat(RainWalkingStreetRule(context, singles, firing));
    }

    /// <summary>A busy tourist point in a zone whose air is poor: advise the visitors (major when the air is bad).</summary>
    private static IEnumerable<Finding> CrowdAirRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var air = firing.Where(f => f.RuleId == AirQuality).ToList();
        var airUnknown = singles.Any(f => f.RuleId == AirQuality && f.Verdict == Verdict.Unknown);
        foreach (var point in c.Zone.OfKind(SensorKinds.VisitorCounter))
        {
            if (point.IsSilent || point.Figure("crowdingRatio") is not { } ratio)
            {
                yield return c.Unknown(CrowdAir, point.EntityId);
                continue;
            }

            var held = c.Held(CrowdAir, point.EntityId);
            var crowded = Banding.Level(ratio, [CrowdLine(c)], c.Packs.Tourism.ClearMarginRatio, held > 0 ? 1 : 0) > 0;
            if (!crowded) yield return c.Clear(CrowdAir, point.EntityId);
            else if (air.Count == 0) yield return held > 0 && airUnknown ? c.Unknown(CrowdAir, point.EntityId) : c.Clear(CrowdAir, point.EntityId);
            else
            {
                var crowd = firing.Where(f => f.RuleId == Overcrowded && f.Scope == point.EntityId);
                var severity = air.Max(f => f.Level) >= 2 ? Severities.Major : Severities.Minor;
                yield return CrossDomainRules.Group(c, CrowdAir, point.EntityId, severity, [.. air, .. crowd],
                    new EvidenceItem(point.EntityId, "crowdingRatio", ratio, point.Ts), new EvidenceItem(point.EntityId, "present", point.Figure("present") ?? 0, point.Ts));
            }
        }
    }

    /// <summary>The share of capacity from which a crowd counts for the advisory (the pack names a crowding level).</summary>
    private static double CrowdLine(RuleContext c)
    {
        var pack = c.Packs.Tourism;
        return pack.CrowdAirMinLevel switch { 0 => 0, 1 => pack.BusyRatio, 2 => pack.CrowdedRatio, _ => pack.OvercrowdedRatio };
    }

    /// <summary>A walking street open and a junction on its edge jammed: the closure's diversion is failing.</summary>
    private static IEnumerable<Finding> WalkingStreetTrafficRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        foreach (var street in c.Catalog.WalkingStreetsInZone(c.Zone.ZoneId))
        {
            var edge = street.EdgeJunctionIds.ToHashSet(StringComparer.Ordinal);
            var jams = firing.Where(f => f.RuleId == TrafficJam && edge.Contains(f.Scope)).ToList();
            if (!WalkingHours.IsOpen(street, c.Zone.Now)) yield return c.Clear(WalkingStreetTraffic, street.Id);
            else if (jams.Count == 0)
            {
                var blind = singles.Any(f => f.RuleId == TrafficJam && f.Verdict == Verdict.Unknown && edge.Contains(f.Scope));
                yield return blind && c.Held(WalkingStreetTraffic, street.Id) > 0 ? c.Unknown(WalkingStreetTraffic, street.Id) : c.Clear(WalkingStreetTraffic, street.Id);
            }
            else yield return CrossDomainRules.Group(c, WalkingStreetTraffic, street.Id, Severities.Major, jams, Open(c, street));
        }
    }

    /// <summary>Heavy rain in the zone while its walking street is open: people outdoors need shelter.</summary>
    private static IEnumerable<Finding> RainWalkingStreetRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var rain = firing.Where(f => f.RuleId == HeavyRain).ToList();
        var rainUnknown = singles.Any(f => f.RuleId == HeavyRain && f.Verdict == Verdict.Unknown);
        foreach (var street in c.Catalog.WalkingStreetsInZone(c.Zone.ZoneId))
        {
            if (!WalkingHours.IsOpen(street, c.Zone.Now)) yield return c.Clear(RainWalkingStreet, street.Id);
            else if (rain.Count == 0)
                yield return rainUnknown && c.Held(RainWalkingStreet, street.Id) > 0 ? c.Unknown(RainWalkingStreet, street.Id) : c.Clear(RainWalkingStreet, street.Id);
            else
            {
                // The rain's own level decides: half an hour heavy is minor, an hour major, violent critical.
                var severity = rain.Max(f => f.Level) switch { >= 3 => Severities.Critical, 2 => Severities.Major, _ => Severities.Minor };
                yield return CrossDomainRules.Group(c, RainWalkingStreet, street.Id, severity, rain, Open(c, street));
            }
        }
    }

    private static EvidenceItem Open(RuleContext c, WalkingStreet street) => new(street.Id, "walkingStreetOpen", 1, c.Zone.Now);
}
