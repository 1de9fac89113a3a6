using ControlCenter.Domain.Catalog;
using ControlCenter.Domain.Thresholds;

namespace ControlCenter.Domain.Alerts;

/// <summary>What every rule reads: the catalogue, the current packs, the zone's picture, and the levels held now.</summary>
public sealed record RuleContext(CityCatalog Catalog, ThresholdPacks Packs, ZoneObservation Zone, Func<string, int> HeldLevel)
{
    public AlertingPack Alerting => Packs.Alerting;

    public int Held(string ruleId, string scope) => HeldLevel(Finding.KeyOf(ruleId, scope));

    public Finding Firing(string ruleId, string scope, int level, string severity, IReadOnlyList<EvidenceItem> evidence) =>
        new(ruleId, scope, Zone.ZoneId, Verdict.Firing)
        {
            Level = level, Severity = severity, Evidence = evidence,
            EntityIds = [.. evidence.Select(e => e.EntityId).Distinct(StringComparer.Ordinal)],
        };

    public Finding Clear(string ruleId, string scope) => Finding.Clear(ruleId, scope, Zone.ZoneId);

    public Finding Unknown(string ruleId, string scope) => Finding.Unknown(ruleId, scope, Zone.ZoneId);
}
