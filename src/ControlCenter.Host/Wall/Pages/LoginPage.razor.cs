using ControlCenter.Host.Audit;
using ControlCenter.Host.Open;
using ControlCenter.Host.People;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using static ControlCenter.Host.Wall.WallCulture;

namespace ControlCenter.Host.Wall.Pages;

/// <summary>
/// The login form, signing in through the same path as the API (<see cref="AuthEndpoints.SignIn"/>): the same
/// throttle, lock-out and audit, whichever way a person comes in.
/// </summary>
public sealed partial class LoginPage
{
    /// <summary>The login API's limits too (AuthEndpoints): longer than any real name or password, refused unchecked.</summary>
    private const int MaxUsername = 128;
    private const int MaxPassword = 1024;

    private string? _error;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = null!;

    [SupplyParameterFromForm] private LoginInput? Input { get; set; }

    [Inject] private UserDirectory Users { get; set; } = null!;

    [Inject] private LoginThrottle Throttle { get; set; } = null!;

    [Inject] private AuditLog AuditLog { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private IOptions<PeopleOptions> People { get; set; } = null!;

    [Inject] private IStringLocalizer<WallText> T { get; set; } = null!;

    private OidcOptions Oidc => People.Value.Oidc;

    /// <summary>The single sign-on callback sends a person back here with <c>?sso=failed</c>.</summary>
    private bool SsoFailed => HttpContext.Request.Query["sso"] == "failed";

    private static string PortalHref => OpenSurface.PortalPath + (English ? "?lang=en" : "");

    protected override void OnInitialized() => Input ??= new();

    private async Task SignIn()
    {
        if (Input is not { Username: { Length: > 0 and <= MaxUsername } username, Password: { Length: > 0 and <= MaxPassword } password })
        {
            _error = T["LoginFailed"];
            return;
        }

        var (outcome, _, _) = await AuthEndpoints.SignIn(HttpContext, username, password, Users, Throttle, AuditLog);
        if (outcome == AuthEndpoints.LoginOutcome.SignedIn) Navigation.NavigateTo("/", forceLoad: true);
        else _error = outcome == AuthEndpoints.LoginOutcome.Locked ? T["LockedOut"] : T["LoginFailed"];
    }

    private sealed class LoginInput
    {
        public string? Username { get; set; }
        public string? Password { get; set; }
    }
}
