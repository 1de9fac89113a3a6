using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ControlCenter.Host.Parking;

/// <summary>
/// Authenticates the drivers' app by its own key in <c>X-App-Key</c>. The key reaches only the parking
/// endpoints (search, holds, sessions, payments), never the city's other data or the live feed.
/// </summary>
public sealed class ParkingAppAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ParkingAppKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ParkingAppKey";
    public const string Header = "X-App-Key";
    public const string AppRole = "parking-app";
    private const string AppIdClaim = "parking-app-id";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var presented)) return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Find(presented.ToString()) is not { } app) return Task.FromResult(AuthenticateResult.Fail("Unknown app key."));
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, app.Name), new Claim(ClaimTypes.Role, AppRole), new Claim(AppIdClaim, app.Id)], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    /// <summary>The app a caller is, or null for a person (an operator on the wall or the API).</summary>
    public static string? AppId(ClaimsPrincipal user) => user.FindFirstValue(AppIdClaim);
}
