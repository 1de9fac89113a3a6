using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Feed;

/// <summary>
/// Authenticates other systems on the hub by feed token: <c>Authorization: Bearer</c>, or the
/// <c>access_token</c> query string that SignalR clients use for WebSockets (hub paths only).
/// </summary>
public sealed class FeedTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FeedTokenRing tokens)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "FeedToken";
    public const string Policy = "live-feed";
    private const string TopicClaim = "feed-topic";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = Presented();
        if (presented is null) return Task.FromResult(AuthenticateResult.NoResult());
        var token = tokens.Find(presented);
        if (token is null) return Task.FromResult(AuthenticateResult.Fail("Unknown feed token."));

        var claims = new List<Claim> { new(ClaimTypes.Name, token.Name) };
        claims.AddRange(token.Topics.Select(t => new Claim(TopicClaim, t)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    private string? Presented()
    {
        var header = Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        if (Request.Path.StartsWithSegments("/hubs", StringComparison.Ordinal) && Request.Query.TryGetValue("access_token", out var query))
            return query.ToString();
        return null;
    }

    /// <summary>The topics a caller's token allows; empty means all.</summary>
    public static IReadOnlyList<string> AllowedTopics(ClaimsPrincipal? user) =>
        user?.FindAll(TopicClaim).Select(c => c.Value).ToList() ?? [];

    public static bool Allows(IReadOnlyList<string> allowed, string topic) =>
        allowed.Count == 0
        || allowed.Contains(topic)
        || (topic.StartsWith(FeedTopics.ZonePrefix, StringComparison.Ordinal) && allowed.Contains(FeedTopics.ZonePrefix + "*"))
        || (topic.StartsWith(FeedTopics.EntityPrefix, StringComparison.Ordinal) && allowed.Contains(FeedTopics.EntityPrefix + "*"));
}
