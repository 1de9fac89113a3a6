using System.Security.Claims;
using System.Text.Encodings.Web;
using ControlCenter.Host.Credentials;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Egov;

/// <summary>Who an import key belongs to (the city's one-stop system, say).</summary>
public sealed record EgovImporter(string Id, string Name);

/// <summary>The import keys in force: those administrators made (kind <c>egov-import</c>), looked up by hash.</summary>
public sealed class EgovImportKeyRing
{
    public const string Kind = "egov-import";

    private readonly SecretRing<EgovImporter> _ring = new([], Kind, c => new EgovImporter(c.Id, c.Name));

    public EgovImporter? Find(string? presented) => _ring.Find(presented);

    public void Reload(IEnumerable<StoredCredential> stored) => _ring.Reload(stored);
}

/// <summary>
/// Authenticates the system that sends the monthly figures by its import key in <c>Authorization: Bearer</c>.
/// Only the import policy names this scheme, so the key opens <c>POST /api/v1/egov/figures</c> and nothing else:
/// anywhere else it is an unknown bearer token.
/// </summary>
public sealed class EgovImportAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, EgovImportKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "EgovImportKey";
    public const string ImporterRole = "egov-importer";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Find(header["Bearer ".Length..].Trim()) is not { } importer) return Task.FromResult(AuthenticateResult.Fail("Unknown import key."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, importer.Name), new Claim(ClaimTypes.Role, ImporterRole), new Claim("credential-id", importer.Id)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
