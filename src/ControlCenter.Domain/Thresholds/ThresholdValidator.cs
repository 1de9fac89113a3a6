namespace ControlCenter.Domain.Thresholds;

/// <summary>
/// What makes a set of packs usable: lines in the order their levels need, ratios within 0–1, durations
/// that are not negative. An administrator's change that fails any of these is refused with the reasons.
/// </summary>
public static class ThresholdValidator
{
    public static IReadOnlyList<string> Validate(ThresholdPacks packs)
    {
        var errors = new List<string>();
        void Require(bool ok, string message)
        {
            if (!ok) errors.Add(message);
        }

        static bool Ascending(IReadOnlyList<double> values) => values.Count >= 2 && values.Zip(values.Skip(1)).All(p => p.First < p.Second);
        static bool Finite(params double[] values) => values.All(double.IsFinite);

        var aqi = packs.VnAqi;
        Require(aqi.IndexColumns is not null && Ascending(aqi.IndexColumns), "vnAqi.indexColumns must ascend");
        foreach (var (pollutant, row) in aqi.Breakpoints ?? new Dictionary<string, IReadOnlyList<double>>())
            Require(row is not null && Ascending(row) && row.Count <= (aqi.IndexColumns?.Count ?? 0) && row[0] == 0,
                $"vnAqi.breakpoints.{pollutant} must start at 0, ascend, and have no more entries than indexColumns");
        var missing = Air.VnAqi.Pollutants.Where(p => aqi.Breakpoints?.ContainsKey(p) != true).ToList();
        Require(missing.Count == 0, $"vnAqi.breakpoints needs every pollutant the index reads; missing: {string.Join(", ", missing)}");
        var categories = aqi.Categories ?? [];
        Require(categories.Count >= 3 && categories[0].Level == 1 && categories[0].MinAqi == 0 && categories.Zip(categories.Skip(1)).All(p => p.Second.MinAqi == p.First.MaxAqi + 1 && p.Second.Level == p.First.Level + 1),
            "vnAqi.categories must be at least 3 contiguous bands with levels counting up");
        Require(aqi.NowCastMinWeight is > 0 and <= 1, "vnAqi.nowCastMinWeight must be in (0, 1]");
        Require(aqi.NowCastHours is >= 3 and <= 12, "vnAqi.nowCastHours must be 3 to 12 (13 hours are kept)");
        Require(aqi.NowCastMinRecentHours is >= 1 and <= 3, "vnAqi.nowCastMinRecentHours must be 1 to 3");

        foreach (var (pollutant, row) in packs.UsAqi.Breakpoints ?? new Dictionary<string, IReadOnlyList<double>>())
            Require(row is not null && Ascending(row) && row.Count == (packs.UsAqi.IndexColumns?.Count ?? 0), $"usAqi.breakpoints.{pollutant} must ascend, one per index column");

        var water = packs.Water;
        Require(Finite(water.DoCriticalMgL, water.DoWarningMgL) && water.DoCriticalMgL > 0 && water.DoCriticalMgL < water.DoWarningMgL,
            "water.doCriticalMgL must be above 0 and below water.doWarningMgL");
        foreach (var (metric, limit) in water.Limits ?? new Dictionary<string, WaterLimit>())
            Require(limit is not null && Finite(limit.ClassA, limit.ClassB) && limit.ClassA > 0 && limit.ClassB > 0
                && (limit.LowerIsWorse ? limit.ClassA >= limit.ClassB : limit.ClassA <= limit.ClassB),
                $"water.limits.{metric}: class A must be as strict as class B, both above 0");

        var rain = packs.Rain;
        Require(Finite(rain.ModerateMmPerHour, rain.HeavyMmPerHour, rain.ViolentMmPerHour, rain.Warning3hMm)
            && 0 < rain.ModerateMmPerHour && rain.ModerateMmPerHour < rain.HeavyMmPerHour && rain.HeavyMmPerHour < rain.ViolentMmPerHour && rain.Warning3hMm > 0,
            "rain: 0 < moderate < heavy < violent mm/h, and warning3hMm above 0");
        var flood = packs.Flood;
        Require(Finite(flood.WarningCm, flood.MajorCm, flood.CriticalCm) && 0 < flood.WarningCm && flood.WarningCm < flood.MajorCm && flood.MajorCm < flood.CriticalCm,
            "flood: 0 < warningCm < majorCm < criticalCm");
        var traffic = packs.Traffic;
        Require(1 > traffic.FreeFlowingRatio && traffic.FreeFlowingRatio > traffic.DenseRatio && traffic.DenseRatio > traffic.CongestedRatio && traffic.CongestedRatio > 0,
            "traffic: 1 > freeFlowingRatio > denseRatio > congestedRatio > 0");
        Require(traffic.JamMinutesBeforeAlert is >= 0 and <= 120, "traffic.jamMinutesBeforeAlert must be 0 to 120");
        var parking = packs.Parking;
        Require(0 < parking.NearlyFullRatio && parking.NearlyFullRatio < parking.FullRatio && parking.FullRatio <= 1, "parking: 0 < nearlyFullRatio < fullRatio <= 1");
        var health = packs.Health;
        Require(1 <= health.StaleAfterIntervals && health.StaleAfterIntervals < health.OfflineAfterIntervals && health.OfflineAfterIntervals <= 1000,
            "health: 1 <= staleAfterIntervals < offlineAfterIntervals <= 1000");

        var a = packs.Alerting;
        Require(new[] { a.ClearHoldMinutes, a.LotFullMinutes, a.EscalateCriticalMinutes, a.EscalateMajorMinutes, a.EscalateMinorMinutes, a.EscalateWarningMinutes, a.EscalateInfoMinutes }
            .All(m => m is >= 0 and <= 24 * 60), "alerting: every minutes figure must be 0 to 1440");
        Require(Finite(a.AqiClearMargin, a.DoClearMarginMgL, a.RainClearMarginMm, a.FloodClearMarginCm, a.WaterClearMarginRatio, a.AqiRiseMin, a.DoDrop3hMgL)
            && a.AqiClearMargin >= 0 && a.DoClearMarginMgL >= 0 && a.RainClearMarginMm >= 0 && a.FloodClearMarginCm >= 0
            && a.WaterClearMarginRatio is >= 0 and < 1 && a.AqiRiseMin > 0 && a.DoDrop3hMgL > 0,
            "alerting: margins must be 0 or more (waterClearMarginRatio below 1), aqiRiseMin and doDrop3hMgL above 0");
        Require(Finite(a.FloodNearJunctionM, a.FloodNearLotM, a.JamNearStationM) && new[] { a.FloodNearJunctionM, a.FloodNearLotM, a.JamNearStationM }.All(m => m is > 0 and <= 50_000),
            "alerting: distances must be above 0 and at most 50,000 m");
        Require(a.OutageMinSensors is >= 2 and <= 1000 && a.OutageWindowSeconds is >= 1 and <= 3600, "alerting: outageMinSensors 2 to 1000, outageWindowSeconds 1 to 3600");

        var t = packs.Tourism;
        Require(Finite(t.BusyRatio, t.CrowdedRatio, t.OvercrowdedRatio, t.ClearMarginRatio)
            && 0 < t.BusyRatio && t.BusyRatio < t.CrowdedRatio && t.CrowdedRatio < t.OvercrowdedRatio && t.OvercrowdedRatio <= 5,
            "tourism: 0 < busyRatio < crowdedRatio < overcrowdedRatio <= 5");
        Require(t.ClearMarginRatio >= 0 && t.ClearMarginRatio < t.CrowdedRatio, "tourism.clearMarginRatio must be 0 or more and below crowdedRatio");
        Require(t.CrowdedMinutesBeforeAlert is >= 0 and <= 240, "tourism.crowdedMinutesBeforeAlert must be 0 to 240");
        Require(t.CrowdAirMinLevel is >= 0 and <= 3, "tourism.crowdAirMinLevel must be 0 (comfortable) to 3 (overcrowded)");

        var egov = packs.Egov;
        static bool Percent(double value) => double.IsFinite(value) && value is >= 0 and <= 100;
        Require(Percent(egov.DefaultOnTimeTargetPct) && Percent(egov.BaselineOnTimePct), "egov: defaultOnTimeTargetPct and baselineOnTimePct are 0 to 100");
        Require(double.IsFinite(egov.MajorBelowTargetPoints) && egov.MajorBelowTargetPoints is > 0 and <= 100, "egov.majorBelowTargetPoints must be above 0 and at most 100");
        foreach (var (department, target) in egov.DepartmentTargets ?? new Dictionary<string, double>())
            Require(Catalog.EntityId.IsValid(department) && Percent(target), $"egov.departmentTargets: '{department}' must be a department id with a target of 0 to 100");
        Require(egov.DepartmentTargets is null || egov.DepartmentTargets.Count <= 500, "egov.departmentTargets holds at most 500 departments");
        return errors;
    }
}
