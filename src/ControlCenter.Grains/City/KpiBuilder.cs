using ControlCenter.Contracts.Messages;
using ControlCenter.Domain.Air;
using ControlCenter.Domain.Derived;
using ControlCenter.Domain.Egov;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Grains.City;

/// <summary>The city's KPI tiles from its zones' summaries; every status line comes from the threshold packs.</summary>
public static class KpiBuilder
{
    public static IReadOnlyList<KpiTile> Build(IReadOnlyCollection<ZoneSummary> zones, ThresholdPacks packs, VnAqi aqi, ServiceKpiHeadline? egov = null)
    {
        var capacity = zones.Sum(z => z.Parking.Capacity);
        var free = zones.Sum(z => z.Parking.Free);
        var unknownSpaces = zones.Sum(z => z.Parking.Unknown);
        var worstAir = zones.Where(z => z.Air.WorstAqi is not null).MaxBy(z => z.Air.WorstAqi);
        var lowestDo = zones.Where(z => z.Water.LowestDoMgL is not null).MinBy(z => z.Water.LowestDoMgL);
        var wettest = zones.Where(z => z.Rain.Max1hMm is not null).MaxBy(z => z.Rain.Max1hMm);
        var deepest = zones.Where(z => z.Flood.MaxDepthCm is not null).MaxBy(z => z.Flood.MaxDepthCm);
        var health = zones.Aggregate(SensorHealthCounts.None, (sum, z) => sum.Add(z.Health));
        var jammed = zones.Sum(z => z.Traffic.Jammed);
        var congested = zones.Sum(z => z.Traffic.Congested);
        var flooded = zones.Sum(z => z.Flood.FloodedPoints);
        var busiest = zones.Where(z => z.Tourism.BusiestRatio is not null).MaxBy(z => z.Tourism.BusiestRatio);
        var overcrowded = zones.Sum(z => z.Tourism.OvercrowdedPoints);
        var crowded = zones.Sum(z => z.Tourism.CrowdedPoints);

        var aqiCategory = worstAir?.Air.WorstAqi is { } worst ? aqi.CategoryOf(worst) : null;
        var doMgL = lowestDo?.Water.LowestDoMgL;
        var rain1h = wettest?.Rain.Max1hMm;
        var depth = deepest?.Flood.MaxDepthCm;

        return
        [
            new KpiTile("free-spaces", free, "spaces", Wire(ParkingStatus(capacity, free, unknownSpaces, packs.Parking)))
            { Of = capacity, Unknown = unknownSpaces },
            new KpiTile("worst-aqi", worstAir?.Air.WorstAqi, "VN_AQI",
                Wire(aqiCategory is null ? EntityStatus.Stale : aqiCategory.Level >= 4 ? EntityStatus.Alert : aqiCategory.Level == 3 ? EntityStatus.Warning : EntityStatus.Ok))
            { EntityId = worstAir?.Air.WorstStationId, Label = aqiCategory?.Name },
            new KpiTile("west-lake-do", doMgL, "mg/L",
                Wire(doMgL is null ? EntityStatus.Stale : doMgL < packs.Water.DoCriticalMgL ? EntityStatus.Alert : doMgL < packs.Water.DoWarningMgL ? EntityStatus.Warning : EntityStatus.Ok))
            { EntityId = lowestDo?.Water.LowestDoStationId },
            new KpiTile("max-rain-1h", rain1h, "mm",
                Wire(rain1h is null ? EntityStatus.Stale : rain1h > packs.Rain.ViolentMmPerHour ? EntityStatus.Alert : rain1h >= packs.Rain.HeavyMmPerHour ? EntityStatus.Warning : EntityStatus.Ok))
            { EntityId = wettest?.Rain.WettestGaugeId, Label = rain1h is { } r ? RainFigures.IntensityOf(r, packs.Rain) : null },
            new KpiTile("flooded-points", flooded, "points",
                Wire(depth >= packs.Flood.MajorCm ? EntityStatus.Alert : flooded > 0 ? EntityStatus.Warning : EntityStatus.Ok))
            { EntityId = deepest?.Flood.DeepestSensorId, Peak = depth },
            new KpiTile("jammed-junctions", jammed, "junctions",
                Wire(jammed > 0 ? EntityStatus.Alert : congested > 0 ? EntityStatus.Warning : EntityStatus.Ok))
            { Of = zones.Sum(z => z.Traffic.Junctions) },
            new KpiTile("sensors-silent", health.Stale + health.Offline, "sensors",
                Wire(health.Offline > 0 ? EntityStatus.Warning : EntityStatus.Ok)) { Of = health.Sensors },
            // People at the tourist points now, of what they hold; the peak is the fullest point's share.
            new KpiTile("visitors-now", busiest is null ? null : zones.Sum(z => z.Tourism.Present), "people",
                Wire(busiest is null ? EntityStatus.Stale : overcrowded > 0 ? EntityStatus.Alert : crowded > 0 ? EntityStatus.Warning : EntityStatus.Ok))
            { Of = zones.Sum(z => z.Tourism.Capacity), EntityId = busiest?.Tourism.BusiestPointId, Peak = busiest?.Tourism.BusiestRatio },
            .. EgovTiles(egov ?? ServiceKpiHeadline.None, packs.Egov),
        ];
    }

    /// <summary>
    /// The latest month's e-government figures (the label names the month): on time against the city's default
    /// target, overdue applications, and the share of procedures online at level 3 or 4. Stale before any import.
    /// </summary>
    private static IEnumerable<KpiTile> EgovTiles(ServiceKpiHeadline egov, EgovPack pack)
    {
        var onTime = KpiFigures.Pct(egov.SettledOnTime, egov.Settled);
        var online = KpiFigures.Pct(egov.OnlineLevel3 + egov.OnlineLevel4, egov.ProceduresInForce);
        var none = egov.Month is null;
        yield return new KpiTile("egov-on-time", onTime, "%",
            Wire(onTime is null ? EntityStatus.Stale : onTime < pack.DefaultOnTimeTargetPct ? EntityStatus.Warning : EntityStatus.Ok))
        { Label = egov.Month, Peak = pack.BaselineOnTimePct };
        yield return new KpiTile("egov-overdue", none ? null : egov.Overdue, "applications", Wire(none ? EntityStatus.Stale : EntityStatus.Ok)) { Label = egov.Month };
        yield return new KpiTile("egov-online", online, "%", Wire(online is null ? EntityStatus.Stale : EntityStatus.Ok))
        { Label = egov.Month, Of = none ? null : egov.ProceduresInForce };
    }

    /// <summary>Stale while most spaces are unknown: "0 free" must never stand for "no data".</summary>
    private static EntityStatus ParkingStatus(int capacity, int free, int unknown, ParkingPack pack) =>
        capacity == 0 || unknown * 2 >= capacity ? EntityStatus.Stale
        : free < (capacity - unknown) * (1 - pack.NearlyFullRatio) ? EntityStatus.Warning
        : EntityStatus.Ok;

    private static string Wire(EntityStatus status) => status.ToWire();
}
