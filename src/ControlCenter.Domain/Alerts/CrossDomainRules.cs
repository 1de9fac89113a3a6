using ControlCenter.Domain.Catalog;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Alerts;

/// <summary>
/// The rules that need several domains of one zone at once. Each reads the singles-domain findings of the same
/// evaluation (so their hysteresis carries over), names them as children, and once firing holds on while its
/// main hazard lasts.
/// </summary>
public static class CrossDomainRules
{
    public static IEnumerable<Finding> Evaluate(RuleContext context, IReadOnlyList<Finding> singles)
    {
        var firing = singles.Where(f => f.Verdict == Verdict.Firing).ToList();
        return new[] { StormFloodingRule(context, singles, firing) }
            .Concat(FloodTrafficRule(context, singles, firing))
            .Concat(FloodParkingRule(context, singles, firing))
            .Concat(TrafficAirRule(context, singles, firing))
            .Concat(RainLakeRule(context, singles, firing))
            .Append(ZoneOutageRule(context));
    }

    /// <summary>Heavy rain in the zone's window and a street at major depth: critical "Ngập úng".</summary>
    private static Finding StormFloodingRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var scope = c.Zone.ZoneId;
        var rain = firing.Where(f => f.RuleId == HeavyRain).ToList();
        var deep = firing.Where(f => f.RuleId == FloodDepth && f.Level >= 2).ToList();
        var held = c.Held(StormFlooding, scope) > 0;
        if (deep.Count == 0)
            // A flood sensor gone silent cannot say the water went down.
            return held && singles.Any(f => f.RuleId == FloodDepth && f.Verdict == Verdict.Unknown) ? c.Unknown(StormFlooding, scope) : c.Clear(StormFlooding, scope);
        // Once flooding, the street stays flooded after the rain stops: the depth alone holds it.
        if (rain.Count == 0 && !held)
            return singles.Any(f => f.RuleId == HeavyRain && f.Verdict == Verdict.Unknown) ? c.Unknown(StormFlooding, scope) : c.Clear(StormFlooding, scope);
        return Group(c, StormFlooding, scope, Severities.Critical, [.. rain, .. deep]);
    }

    /// <summary>A flooded point near a junction that is congested or jammed: the jam's likely cause.</summary>
    private static IEnumerable<Finding> FloodTrafficRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var floods = firing.Where(f => f.RuleId == FloodDepth).ToList();
        var silentFloods = singles.Where(f => f.RuleId == FloodDepth && f.Verdict == Verdict.Unknown).ToList();
        foreach (var junction in c.Zone.OfKind(EntityKinds.Junction))
        {
            var place = c.Catalog.FindJunction(junction.EntityId);
            if (place is null) continue;
            if (junction.IsSilent)
            {
                yield return c.Unknown(FloodTraffic, junction.EntityId);
                continue;
            }

            var near = floods.Where(f => Near(c, f.Scope, place.Lat, place.Lon, c.Alerting.FloodNearJunctionM)).ToList();
            var slow = junction.Figure("jammed") == 1 || junction.Figure("congested") == 1;
            if (near.Count == 0 || !slow)
            {
                var blind = near.Count == 0 && silentFloods.Any(f => Near(c, f.Scope, place.Lat, place.Lon, c.Alerting.FloodNearJunctionM));
                yield return slow && blind && c.Held(FloodTraffic, junction.EntityId) > 0 ? c.Unknown(FloodTraffic, junction.EntityId) : c.Clear(FloodTraffic, junction.EntityId);
                continue;
            }

            var jam = firing.Where(f => f.RuleId == TrafficJam && f.Scope == junction.EntityId);
            var evidence = new EvidenceItem(junction.EntityId, junction.Figure("jammed") == 1 ? "jammed" : "congested", 1, junction.Ts);
            yield return Group(c, FloodTraffic, junction.EntityId, Severities.Major, [.. near, .. jam], evidence);
        }
    }

    /// <summary>A lot near a street at major depth: unavailable to drivers, and alerted.</summary>
    private static IEnumerable<Finding> FloodParkingRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var deep = firing.Where(f => f.RuleId == FloodDepth && f.Level >= 2).ToList();
        var unknownFloods = singles.Where(f => f.RuleId == FloodDepth && f.Verdict == Verdict.Unknown).ToList();
        foreach (var lot in c.Catalog.LotsInZone(c.Zone.ZoneId))
        {
            var near = deep.Where(f => Near(c, f.Scope, lot.Lat, lot.Lon, c.Alerting.FloodNearLotM)).ToList();
            if (near.Count > 0)
            {
                yield return Group(c, FloodParking, lot.Id, Severities.Major, near, new EvidenceItem(lot.Id, "unavailable", 1, c.Zone.Now));
                continue;
            }

            // A lot closed for flooding stays closed while the sensors that could reopen it are silent.
            var held = c.Held(FloodParking, lot.Id) > 0;
            var blind = unknownFloods.Any(f => Near(c, f.Scope, lot.Lat, lot.Lon, c.Alerting.FloodNearLotM));
            yield return held && blind ? c.Unknown(FloodParking, lot.Id) : c.Clear(FloodParking, lot.Id);
        }
    }

    /// <summary>Jammed junctions near a station whose AQI has risen over the last hour: a pollution hotspot.</summary>
    private static IEnumerable<Finding> TrafficAirRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var jams = firing.Where(f => f.RuleId == TrafficJam).ToList();
        var silentJunctions = singles.Where(f => f.RuleId == TrafficJam && f.Verdict == Verdict.Unknown).ToList();
        foreach (var station in c.Zone.OfKind(SensorKinds.Air))
        {
            var place = c.Catalog.FindSensor(station.EntityId);
            if (place is null) continue;
            if (station.IsSilent)
            {
                yield return c.Unknown(TrafficAir, station.EntityId);
                continue;
            }

            var near = jams.Where(j => c.Catalog.FindJunction(j.Scope) is { } junction
                && Geo.DistanceM(junction.Lat, junction.Lon, place.Lat, place.Lon) <= c.Alerting.JamNearStationM).ToList();
            var rise = station.Figure("aqiChange1h");
            // Rising by the margin raises it; it holds while the air is not getting better.
            var line = c.Held(TrafficAir, station.EntityId) > 0 ? 0 : c.Alerting.AqiRiseMin;
            if (near.Count == 0 || rise is not { } change || change < line || (line == 0 && change <= 0))
            {
                var blind = near.Count == 0 && line == 0 && silentJunctions.Any(j => c.Catalog.FindJunction(j.Scope) is { } junction
                    && Geo.DistanceM(junction.Lat, junction.Lon, place.Lat, place.Lon) <= c.Alerting.JamNearStationM);
                yield return blind ? c.Unknown(TrafficAir, station.EntityId) : c.Clear(TrafficAir, station.EntityId);
                continue;
            }

            var air = firing.Where(f => f.RuleId == AirQuality && f.Scope == station.EntityId);
            yield return Group(c, TrafficAir, station.EntityId, Severities.Minor, [.. near, .. air],
                new EvidenceItem(station.EntityId, "aqiChange1h", change, station.Ts), new EvidenceItem(station.EntityId, "aqi", station.Figure("aqi") ?? 0, station.Ts));
        }
    }

    /// <summary>Heavy rain in the zone and a lake station's oxygen falling fast: storm water is reaching the lake.</summary>
    private static IEnumerable<Finding> RainLakeRule(RuleContext c, IReadOnlyList<Finding> singles, List<Finding> firing)
    {
        var rain = firing.Where(f => f.RuleId == HeavyRain).ToList();
        var rainUnknown = singles.Any(f => f.RuleId == HeavyRain && f.Verdict == Verdict.Unknown);
        foreach (var station in c.Zone.OfKind(SensorKinds.Water))
        {
            if (station.IsSilent || station.Figure("doDrop3h") is not { } drop)
            {
                yield return c.Unknown(RainLake, station.EntityId);
                continue;
            }

            var held = c.Held(RainLake, station.EntityId) > 0;
            var falling = Banding.Level(drop, [c.Alerting.DoDrop3hMgL], c.Alerting.DoClearMarginMgL, held ? 1 : 0) > 0
                && (drop > c.Alerting.DoDrop3hMgL || held);
            if (!falling) yield return c.Clear(RainLake, station.EntityId);
            else if (rain.Count == 0 && !held) yield return rainUnknown ? c.Unknown(RainLake, station.EntityId) : c.Clear(RainLake, station.EntityId);
            else
            {
                var oxygen = firing.Where(f => f.RuleId == LowOxygen && f.Scope == station.EntityId);
                yield return Group(c, RainLake, station.EntityId, Severities.Critical, [.. rain, .. oxygen],
                    new EvidenceItem(station.EntityId, "doDrop3h", drop, station.Ts), new EvidenceItem(station.EntityId, "do", station.Figure("do") ?? 0, station.Ts));
            }
        }
    }

    /// <summary>
    /// Several sensors of the zone going stale within one window: one outage alert (not one per sensor), which
    /// inhibits those sensors' own alerts while it is open. It holds while all but one of that many sensors of
    /// the zone are still silent.
    /// </summary>
    private static Finding ZoneOutageRule(RuleContext c)
    {
        var scope = c.Zone.ZoneId;
        var pack = c.Alerting;
        var silent = c.Zone.Silent.OrderBy(s => s.Since).ToList();
        var window = TimeSpan.FromSeconds(pack.OutageWindowSeconds);
        var cluster = 0;
        for (int start = 0, end = 0; end < silent.Count; end++)
        {
            while (silent[end].Since - silent[start].Since > window) start++;
            cluster = Math.Max(cluster, end - start + 1);
        }

        var held = c.Held(ZoneOutage, scope) > 0;
        if (cluster < pack.OutageMinSensors && !(held && silent.Count >= pack.OutageMinSensors - 1)) return c.Clear(ZoneOutage, scope);
        var evidence = silent.Select(s => new EvidenceItem(s.SensorId, "silent", 1, s.Since)).ToList();
        return c.Firing(ZoneOutage, scope, 1, Severities.Major, evidence) with
        {
            ChildKeys = [.. silent.Select(s => Finding.KeyOf(SensorSilent, s.SensorId))],
        };
    }

    internal static Finding Group(RuleContext c, string ruleId, string scope, string severity, IReadOnlyList<Finding> children, params EvidenceItem[] own)
    {
        var evidence = own.Concat(children.SelectMany(f => f.Evidence)).ToList();
        return c.Firing(ruleId, scope, 1, severity, evidence) with { ChildKeys = [.. children.Select(f => f.Key).Distinct(StringComparer.Ordinal)] };
    }

    private static bool Near(RuleContext c, string sensorId, double lat, double lon, double metres) =>
        c.Catalog.FindSensor(sensorId) is { } sensor && Geo.DistanceM(sensor.Lat, sensor.Lon, lat, lon) <= metres;
}
