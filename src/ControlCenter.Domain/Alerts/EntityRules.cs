using ControlCenter.Domain.Catalog;
using static ControlCenter.Domain.Alerts.AlertRules;

namespace ControlCenter.Domain.Alerts;

/// <summary>
/// The single-domain rules: one verdict per station, gauge, sensor, junction or lot of the zone. A silent
/// entity gets an unknown verdict, so stale data neither raises nor clears.
/// </summary>
public static class EntityRules
{
    public static IEnumerable<Finding> Evaluate(RuleContext context) =>
        AirQualityRule(context)
            .Concat(OxygenRule(context))
            .Concat(LakeClassRule(context))
            .Concat(RainRule(context))
            .Concat(FloodRule(context))
            .Concat(JamRule(context))
            .Concat(LotFullRule(context))
            .Concat(CrowdingRule(context))
            .Concat(SilentRule(context));

    private static IEnumerable<Finding> AirQualityRule(RuleContext c)
    {
        // Kém (poor) is minor, Xấu (bad) major, Rất xấu (very bad) and worse critical.
        var bands = c.Packs.VnAqi.Categories.Where(k => k.Level >= 3).OrderBy(k => k.Level).Take(3).Select(k => (double)k.MinAqi).ToList();
        foreach (var station in c.Zone.OfKind(SensorKinds.Air))
        {
            if (station.IsSilent || station.Figure("aqi") is not { } aqi)
            {
                yield return c.Unknown(AirQuality, station.EntityId);
                continue;
            }

            var level = Banding.Level(aqi, bands, c.Alerting.AqiClearMargin, c.Held(AirQuality, station.EntityId));
            yield return level == 0 ? c.Clear(AirQuality, station.EntityId)
                : c.Firing(AirQuality, station.EntityId, level, Pick(level, Severities.Minor, Severities.Major, Severities.Critical),
                    [new(station.EntityId, "aqi", aqi, station.Ts)]);
        }
    }

    private static IEnumerable<Finding> OxygenRule(RuleContext c)
    {
        var water = c.Packs.Water;
        foreach (var station in c.Zone.OfKind(SensorKinds.Water))
        {
            if (station.IsSilent || station.Figure("do") is not { } oxygen)
            {
                yield return c.Unknown(LowOxygen, station.EntityId);
                continue;
            }

            var level = Banding.LevelBelow(oxygen, [water.DoWarningMgL, water.DoCriticalMgL], c.Alerting.DoClearMarginMgL, c.Held(LowOxygen, station.EntityId));
            yield return level == 0 ? c.Clear(LowOxygen, station.EntityId)
                : c.Firing(LowOxygen, station.EntityId, level, Pick(level, Severities.Warning, Severities.Critical), [new(station.EntityId, "do", oxygen, station.Ts)]);
        }
    }

    private static IEnumerable<Finding> LakeClassRule(RuleContext c)
    {
        foreach (var station in c.Zone.OfKind(SensorKinds.Water))
        {
            if (station.IsSilent)
            {
                yield return c.Unknown(LakeClass, station.EntityId);
                continue;
            }

            var held = c.Held(LakeClass, station.EntityId);
            var beyond = new List<EvidenceItem>();
            foreach (var (metric, limit) in c.Packs.Water.Limits.Where(l => !l.Value.LowerIsWorse))
            {
                if (station.Figure(metric) is not { } value) continue;
                var level = Banding.Level(value, [limit.ClassB], limit.ClassB * c.Alerting.WaterClearMarginRatio, held);
                // Strictly beyond the class B limit: a value at the limit is within the class.
                if (level > 0 && (value > limit.ClassB || held > 0)) beyond.Add(new(station.EntityId, metric, value, station.Ts));
            }

            yield return beyond.Count == 0 ? c.Clear(LakeClass, station.EntityId)
                : c.Firing(LakeClass, station.EntityId, 1, Severities.Minor, beyond);
        }
    }

    private static IEnumerable<Finding> RainRule(RuleContext c)
    {
        var rain = c.Packs.Rain;
        foreach (var gauge in c.Zone.OfKind(SensorKinds.Rain))
        {
            if (gauge.IsSilent)
            {
                yield return c.Unknown(HeavyRain, gauge.EntityId);
                continue;
            }

            var (r30, r1h, r3h) = (gauge.Figure("rain30MinMm") ?? 0, gauge.Figure("rain1hMm") ?? 0, gauge.Figure("rain3hMm") ?? 0);
            // Half an hour at a heavy rate warns; an hour of heavy rain is major; violent rain or the forecast
            // centre's 3-hour line is critical.
            var level = Banding.Highest(
            [
                new Line(r30, rain.HeavyMmPerHour / 2, 1),
                new Line(r1h, rain.HeavyMmPerHour, 2),
                // Violent rain and the 3-hour warning are "more than" their lines (thresholds.md).
                new Line(r1h, Math.BitIncrement(rain.ViolentMmPerHour), 3),
                new Line(r3h, Math.BitIncrement(rain.Warning3hMm), 3),
            ], c.Alerting.RainClearMarginMm, c.Held(HeavyRain, gauge.EntityId));
            yield return level == 0 ? c.Clear(HeavyRain, gauge.EntityId)
                : c.Firing(HeavyRain, gauge.EntityId, level, Pick(level, Severities.Warning, Severities.Major, Severities.Critical),
                [
                    new(gauge.EntityId, "rain30MinMm", r30, gauge.Ts), new(gauge.EntityId, "rain1hMm", r1h, gauge.Ts),
                    new(gauge.EntityId, "rain3hMm", r3h, gauge.Ts),
                ]);
        }
    }

    private static IEnumerable<Finding> FloodRule(RuleContext c)
    {
        foreach (var point in c.Zone.OfKind(SensorKinds.Flood))
        {
            if (point.IsSilent || point.Figure("depthCm") is not { } depth)
            {
                yield return c.Unknown(FloodDepth, point.EntityId);
                continue;
            }

            var level = Banding.Level(depth, FloodLines(c, point.EntityId), c.Alerting.FloodClearMarginCm, c.Held(FloodDepth, point.EntityId));
            yield return level == 0 ? c.Clear(FloodDepth, point.EntityId)
                : c.Firing(FloodDepth, point.EntityId, level, Pick(level, Severities.Warning, Severities.Major, Severities.Critical),
                    [new(point.EntityId, "depthCm", depth, point.Ts)]);
        }
    }

    /// <summary>Warning, major and critical depths; a site's own FIWARE alert and danger levels take precedence.</summary>
    public static IReadOnlyList<double> FloodLines(RuleContext c, string sensorId)
    {
        var sensor = c.Catalog.FindSensor(sensorId);
        var flood = c.Packs.Flood;
        return [flood.WarningCm, sensor?.AlertLevelCm ?? flood.MajorCm, sensor?.DangerLevelCm ?? flood.CriticalCm];
    }

    private static IEnumerable<Finding> JamRule(RuleContext c)
    {
        foreach (var junction in c.Zone.OfKind(EntityKinds.Junction))
        {
            var held = c.Held(TrafficJam, junction.EntityId);
            if (junction.IsSilent) yield return c.Unknown(TrafficJam, junction.EntityId);
            else if (junction.Figure("jammed") == 1)
                yield return c.Firing(TrafficJam, junction.EntityId, 1, Severities.Major, [new(junction.EntityId, "jammed", 1, junction.Ts)]);
            // Hysteresis on clear: a jam eased only to congestion is not over.
            else if (held > 0 && junction.Figure("congested") == 1) yield return c.Unknown(TrafficJam, junction.EntityId);
            else yield return c.Clear(TrafficJam, junction.EntityId);
        }
    }

    private static IEnumerable<Finding> LotFullRule(RuleContext c)
    {
        var parking = c.Packs.Parking;
        foreach (var lot in c.Zone.OfKind(EntityKinds.ParkingLot))
        {
            var capacity = lot.Figure("capacity") ?? 0;
            if (lot.IsSilent || capacity <= 0 || lot.Figure("unknown") > 0)
            {
                yield return c.Unknown(LotFull, lot.EntityId);
                continue;
            }

            var ratio = (lot.Figure("occupied") ?? 0) / capacity;
            // Full at the full line; it stays full until it drops below the nearly-full line.
            var level = Banding.Level(ratio, [parking.FullRatio], parking.FullRatio - parking.NearlyFullRatio, c.Held(LotFull, lot.EntityId));
            yield return level == 0 ? c.Clear(LotFull, lot.EntityId)
                : c.Firing(LotFull, lot.EntityId, 1, Severities.Info, [new(lot.EntityId, "occupancy", Math.Round(ratio, 3), lot.Ts)]);
        }
    }

    private static IEnumerable<Finding> CrowdingRule(RuleContext c)
    {
        var tourism = c.Packs.Tourism;
        foreach (var point in c.Zone.OfKind(SensorKinds.VisitorCounter))
        {
            if (point.IsSilent || point.Figure("crowdingRatio") is not { } ratio)
            {
                yield return c.Unknown(Overcrowded, point.EntityId);
                continue;
            }

            // Crowded warns, overcrowded is major; each holds until the share is the margin below its line.
            var level = Banding.Level(ratio, [tourism.CrowdedRatio, tourism.OvercrowdedRatio], tourism.ClearMarginRatio, c.Held(Overcrowded, point.EntityId));
            yield return level == 0 ? c.Clear(Overcrowded, point.EntityId)
                : c.Firing(Overcrowded, point.EntityId, level, Pick(level, Severities.Warning, Severities.Major),
                [
                    new(point.EntityId, "crowdingRatio", ratio, point.Ts), new(point.EntityId, "present", point.Figure("present") ?? 0, point.Ts),
                ]);
        }
    }

    private static IEnumerable<Finding> SilentRule(RuleContext c)
    {
        var silent = c.Zone.Silent.ToDictionary(s => s.SensorId, StringComparer.Ordinal);
        foreach (var sensor in c.Catalog.SensorsInZone(c.Zone.ZoneId).Where(s => !s.Retired))
        {
            if (!silent.TryGetValue(sensor.Id, out var quiet))
            {
                yield return c.Clear(SensorSilent, sensor.Id);
                continue;
            }

            var offline = quiet.Health == Derived.HealthState.Offline;
            var silentFor = (c.Zone.Now - quiet.Since).TotalSeconds;
            yield return c.Firing(SensorSilent, sensor.Id, offline ? 2 : 1, offline ? Severities.Minor : Severities.Warning,
                [new(sensor.Id, "silentSeconds", Math.Max(0, Math.Round(silentFor)), quiet.Since)]);
        }
    }

    private static string Pick(int level, params string[] severities) => severities[Math.Clamp(level, 1, severities.Length) - 1];
}
