namespace ControlCenter.Contracts.Messages.Webhooks;

/// <summary>Which alerts a subscription hears about: every given field must match; an empty matcher matches all.</summary>
[GenerateSerializer, Immutable]
public sealed record WebhookMatcher(
    [property: Id(0)] string? RuleId, [property: Id(1)] string? ZoneId, [property: Id(2)] string? Domain, [property: Id(3)] string? Severity)
{
    public static readonly WebhookMatcher Any = new(null, null, null, null);

    public bool Matches(Alert alert) =>
        (RuleId is null || RuleId == alert.RuleId)
        && (ZoneId is null || ZoneId == alert.ZoneId)
        && (Domain is null || alert.Domains.Contains(Domain))
        && (Severity is null || Severity == alert.Severity);
}
