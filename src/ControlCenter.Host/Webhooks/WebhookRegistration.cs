using ControlCenter.Contracts.Messages.Webhooks;
using ControlCenter.Domain.Alerts;
using ControlCenter.Domain.Catalog;
using ControlCenter.Host.Alerts;

namespace ControlCenter.Host.Webhooks;

/// <summary>The body of <c>POST /api/v1/admin/webhooks</c> and its checks (the URL's are <see cref="WebhookUrlGuard"/>'s).</summary>
public sealed record WebhookRegistration(string? Url, WebhookRegistration.MatcherRequest? Matcher, List<string?>? Events, string? Secret, string? Format, string? CapScope)
{
    public const int MinSecret = 16;
    public const int MaxSecret = 256;

    public sealed record MatcherRequest(string? RuleId, string? ZoneId, string? Domain, string? Severity);

    /// <returns>Why the body is refused, or null.</returns>
    public string? Problem(CityCatalog catalog)
    {
        if (Secret is null || Secret.Length < MinSecret || Secret.Length > MaxSecret || Secret.Any(char.IsControl))
            return $"secret is {MinSecret} to {MaxSecret} printable characters.";
        if (Events is { Count: 0 } || (Events is not null && Events.Any(e => e is null || !WebhookEvents.All.Contains(e))))
            return $"events is a non-empty list of {string.Join(", ", WebhookEvents.All)}.";
        if (Format is not null && !WebhookFormats.All.Contains(Format)) return $"format is {string.Join(" or ", WebhookFormats.All)}.";
        if (CapScope is not null and not ("public" or "restricted")) return "capScope is public or restricted.";
        if (Matcher is { RuleId: { } rule } && AlertRules.Find(rule) is null) return $"matcher.ruleId: no rule '{Actor.Clip(rule)}'.";
        if (Matcher is { ZoneId: { } zone } && catalog.FindZone(zone) is null) return $"matcher.zoneId: no zone '{Actor.Clip(zone)}'.";
        if (Matcher is { Domain: { } domain } && !AlertDomains.All.Contains(domain))
            return $"matcher.domain is one of {string.Join(", ", AlertDomains.All.Order())}.";
        if (Matcher is { Severity: { } severity } && !Severities.IsValid(severity))
            return $"matcher.severity is one of {string.Join(", ", Severities.All)}.";
        return null;
    }

    /// <summary>The subscription this (checked) body asks for; the directory gives it its id.</summary>
    public WebhookSubscription ToSubscription(string createdBy, DateTimeOffset at) => new()
    {
        Id = "",
        Url = Url!,
        Matcher = Matcher is null ? WebhookMatcher.Any : new WebhookMatcher(Matcher.RuleId, Matcher.ZoneId, Matcher.Domain, Matcher.Severity),
        Events = Events is null ? WebhookEvents.All : [.. Events.OfType<string>().Distinct()],
        Format = Format ?? WebhookFormats.Json,
        Secret = Secret!,
        CapPublic = CapScope == "public",
        CreatedAt = at,
        CreatedBy = createdBy,
    };
}
