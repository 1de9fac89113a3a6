namespace ControlCenter.Domain.Alerts;

/// <summary>Every rule a zone runs, single-domain first (the cross-domain rules read their verdicts).</summary>
public static class ZoneRuleEngine
{
    public static IReadOnlyList<Finding> Evaluate(RuleContext context)
    {
        var single = EntityRules.Evaluate(context).ToList();
        return [.. single, .. CrossDomainRules.Evaluate(context, single), .. TourismRules.Evaluate(context, single)];
    }

    /// <summary>How long a rule's condition must hold before it raises.</summary>
    public static TimeSpan MinimumDuration(string ruleId, Thresholds.ThresholdPacks packs) => ruleId switch
    {
        AlertRules.TrafficJam or AlertRules.WalkingStreetTraffic => TimeSpan.FromMinutes(packs.Traffic.JamMinutesBeforeAlert),
        AlertRules.Overcrowded => TimeSpan.FromMinutes(packs.Tourism.CrowdedMinutesBeforeAlert),
        AlertRules.LotFull => TimeSpan.FromMinutes(packs.Alerting.LotFullMinutes),
        // A sensor's own silence waits out the outage window: if it is part of an outage, the outage (raised
        // first) inhibits it before it is ever notified.
        AlertRules.SensorSilent => TimeSpan.FromSeconds(packs.Alerting.OutageWindowSeconds),
        _ => TimeSpan.Zero,
    };
}
