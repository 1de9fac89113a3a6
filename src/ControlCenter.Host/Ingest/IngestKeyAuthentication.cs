using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Ingest;

/// <summary>
/// Authenticates sensor gateways by the <c>X-Api-Key</c> header. A missing or unknown key on ingest is
/// answered 401 with problem details, as the contract says, and counted.
/// </summary>
public sealed class IngestKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IngestKeyRing keys, IngestMetrics metrics)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "IngestKey";
    public const string Policy = "ingest";
    public const string GatewayRole = "gateway";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(IngestEndpoint.KeyHeader, out var presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Find(presented.ToString()) is not { } key) return Task.FromResult(AuthenticateResult.Fail("Unknown ingest key."));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, GatewayRole)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        metrics.CountRefused(StatusCodes.Status401Unauthorized);
        await Results.Problem($"Send a valid key in the {IngestEndpoint.KeyHeader} header.",
            statusCode: StatusCodes.Status401Unauthorized, title: "Missing or unknown ingest key").ExecuteAsync(Context);
    }
}
